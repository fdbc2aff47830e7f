import gc
class Pair:
    __slots__ = ('other',)
gc.collect()
p = Pair()
q = Pair()
p.other = q
q.other = p
del p, q
print(gc.collect())
