log = []
class Res:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        log.append('finalized ' + self.name)
for name in ['a', 'b', 'c']:
    r = Res(name)
del r
print(log)
