import gc
class A:
    def __init__(self, x):
        self.x = x
    def hello(self):
        return 1
class B(A):
    def __init__(self, x, y):
        super().__init__(x)
        self.y = y
    def hello(self):
        return super().hello()
gc.collect()
c0 = gc.get_count()
b = B(1, 2)
c1 = gc.get_count()
b.hello()
c2 = gc.get_count()
s = super(B, b)
c3 = gc.get_count()
del s
c4 = gc.get_count()
print(c0, c1, c2, c3, c4)
