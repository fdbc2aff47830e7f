import gc
gc.collect()
a = []
a.append(a)
del a
print(gc.collect(0))
b = []
b.append(b)
del b
print(gc.collect(1))
c = []
c.append(c)
del c
print(gc.collect(2))
print(gc.collect())
