import gc
gc.collect()
c0 = gc.get_count()
rows = [[] for _ in range(5)]
c1 = gc.get_count()
pairs = {i: (i, i) for i in range(3)}
c2 = gc.get_count()
print(c0, c1, c2)
