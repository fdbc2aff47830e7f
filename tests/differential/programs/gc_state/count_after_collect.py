import gc
gc.collect()
c0 = gc.get_count()
a = []
c1 = gc.get_count()
b = {}
c2 = gc.get_count()
print(c0, c1, c2)
