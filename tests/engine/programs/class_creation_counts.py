import gc
gc.collect()
c0 = gc.get_count()
class C:
    pass
c1 = gc.get_count()
class D:
    x = 1
    def m(self):
        pass
c2 = gc.get_count()
class E(C):
    pass
c3 = gc.get_count()
class F:
    __slots__ = ('a', 'b')
c4 = gc.get_count()
print(c0, c1, c2, c3, c4)
