import gc
class C:
    pass
def f():
    pass
def g():
    yield 1
print(gc.is_tracked([]), gc.is_tracked([1]), gc.is_tracked(set()), gc.is_tracked(frozenset()))
print(gc.is_tracked(C()), gc.is_tracked(C), gc.is_tracked(f), gc.is_tracked(lambda: 0))
print(gc.is_tracked(g()), gc.is_tracked(x for x in [1]))
