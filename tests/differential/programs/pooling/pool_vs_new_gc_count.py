import gc
class Obj:
    pass
pool = [Obj() for _ in range(3)]
gc.collect()
c0 = gc.get_count()
for i in range(3):
    o = pool.pop()
    pool.insert(0, o)
c1 = gc.get_count()
for i in range(3):
    o = Obj()
c2 = gc.get_count()
print(c0, c1, c2)
