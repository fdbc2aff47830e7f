import gc
class Leaf:
    __slots__ = ('value',)
class Branch:
    __slots__ = ('child',)
print(gc.is_tracked(Leaf()), gc.is_tracked(Branch()))
gc.collect()
a = Branch()
b = Branch()
a.child = b
b.child = a
del a, b
print(gc.collect())
