import gc
gc.collect()
a = []
a.append(a)
print(a)
del a
print(gc.collect())
print(gc.collect())
