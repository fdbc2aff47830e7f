import gc
gc.collect()
keep = [[] for i in range(5)]
before = gc.get_count()
gc.collect()
after = gc.get_count()
print(before[0] > 5, after)
