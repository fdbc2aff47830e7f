import gc
class Res:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print('closing', self.name)
x = Res('x')
y = Res('y')
x.peer = y
y.peer = x
del x, y
print('before collect')
n = gc.collect()
print(n)
