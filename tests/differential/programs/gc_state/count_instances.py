import gc
class Point:
    pass
gc.collect()
c0 = gc.get_count()
p = Point()
c1 = gc.get_count()
del p
c2 = gc.get_count()
print(c0, c1, c2)
