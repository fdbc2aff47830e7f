import gc
gc.collect()
x = 3
t = (x, x + 1)
print(gc.is_tracked(()), gc.is_tracked(t))
gc.collect()
print(gc.is_tracked(t))
u = (x, [])
gc.collect()
print(gc.is_tracked(u))
