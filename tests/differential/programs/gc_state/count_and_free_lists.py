import gc
# A dead list goes to the list free list: the count does not go down.
gc.collect()
c0 = gc.get_count()
a = []
c1 = gc.get_count()
del a
c2 = gc.get_count()
b = []
c3 = gc.get_count()
print(c0, c1, c2, c3)
