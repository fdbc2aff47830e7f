class Res:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print('finalize', self.name)
def build():
    tmp = Res('tmp')
    out = Res('out')
    return out
r = build()
print('got', r.name)
r = build()
print('got again', r.name)
