import gc
def total(*nums):
    return len(nums)
def opts(**kw):
    return len(kw)
def both(a, *rest, **kw):
    return a
gc.collect()
c0 = gc.get_count()
total(1, 2)
c1 = gc.get_count()
total()
c2 = gc.get_count()
opts(a=1)
c3 = gc.get_count()
opts()
c4 = gc.get_count()
both(1, 2, x=3)
c5 = gc.get_count()
print(c0, c1, c2, c3, c4, c5)
