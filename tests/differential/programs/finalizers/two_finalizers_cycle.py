import gc
class Res:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print('finalize', self.name)
gc.collect()
a = Res('a')
b = Res('b')
a.peer = b
b.peer = a
del a, b
print(gc.collect())
