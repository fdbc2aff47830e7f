import sys
R = sys.getrefcount
class Box:
    def __init__(self, item):
        self.item = item
    def get(self):
        return self.item
    def count_self(self):
        return R(self)
x = []
b = Box(x)
print(R(x), R(b))
m = b.get
print(R(b), R(m))
print(b.count_self())
print(Box.count_self(b))
f = b.count_self
print(f())
del m, f
items = [x, x, x]
print(R(x))
d = {'a': x, 'b': x}
print(R(x))
t = (x,)
print(R(x))
del items, d, t
print(R(x))
def takes(a, b, c=None):
    return R(a)
print(takes(x, x))
print(takes(x, b=1))
print(takes(a=x, b=2))
lam = lambda v: R(v)
print(lam(x))
print([R(x) for _ in range(1)])
g = (R(x) for _ in range(1))
print(list(g))
def nested():
    y = x
    def inner():
        return R(y)
    return inner()
print(nested())
print(R(Box), R(Box.get))
