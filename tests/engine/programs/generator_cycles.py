import gc
gc.collect()
l = []
gg = (v for v in l)
l.append(gg)
del l, gg
print(gc.collect())
print(gc.collect())
def gen(x):
    yield x
gc.collect()
m = []
g2 = gen(m)
m.append(g2)
del m, g2
print(gc.collect())
m = []
g3 = gen(m)
next(g3)
m.append(g3)
del m, g3
print(gc.collect())
