import gc
gc.collect()
c0 = gc.get_count()
a = [1, 2]
b = {'x': 1}
s = {1}
t = (a, b)
c1 = gc.get_count()
del a, b, s, t
c2 = gc.get_count()
class C:
    pass
c3 = gc.get_count()
o = C()
o.x = 1
c4 = gc.get_count()
f = lambda: 0
c5 = gc.get_count()
print(c0, c1, c2, c3, c4, c5)
gc.collect(0)
print(gc.get_count())
gc.collect(1)
print(gc.get_count())
