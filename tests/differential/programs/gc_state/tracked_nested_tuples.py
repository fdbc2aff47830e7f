import gc
gc.collect()
x = 1
t = ((x,), 'a')
print(gc.is_tracked(t), gc.is_tracked(t[0]))
gc.collect()
print(gc.is_tracked(t), gc.is_tracked(t[0]))
gc.collect()
print(gc.is_tracked(t))
