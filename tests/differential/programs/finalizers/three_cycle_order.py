import gc
class Res:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print('finalize', self.name)
gc.collect()
x = Res('x')
y = Res('y')
z = Res('z')
x.n = y
y.n = z
z.n = x
del x, y, z
print(gc.collect())
