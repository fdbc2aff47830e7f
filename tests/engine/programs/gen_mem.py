import sys
import gc
def gen(n):
    for i in range(n):
        yield i
g = gen(3)
print(sys.getsizeof(g) > 0, next(g), sys.getrefcount(g))
x = []
def holder(v):
    yield v
h = holder(x)
print(sys.getrefcount(x))
next(h)
print(sys.getrefcount(x))
del h
print(sys.getrefcount(x))
gc.collect()
l = []
gg = (v for v in l)
l.append(gg)
del l, gg
print(gc.collect())
def inf():
    i = 0
    while True:
        yield i
        i += 1
it = inf()
print([next(it) for _ in range(5)])
