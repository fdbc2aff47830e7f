import gc
class Res:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print('finalize', self.name)
gc.collect()
r = Res('solo')
r.me = r
del r
print('before collect')
print(gc.collect())
