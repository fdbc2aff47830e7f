import gc
gc.collect()
c0 = gc.get_count()
print('hello')
c1 = gc.get_count()
print(c0, c1)
