import gc
class Point:
    pass
gc.collect()
c0 = gc.get_count()
p = Point()
c1 = gc.get_count()
p.x = 1
c2 = gc.get_count()
p.y = 2
c3 = gc.get_count()
print(c0, c1, c2, c3)
