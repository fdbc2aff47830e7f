# gc.is_tracked per type, gc.get_count around allocations, default thresholds.
import gc
T = gc.is_tracked
print("threshold:", gc.get_threshold())
print("count at start:", gc.get_count())
print("isenabled:", gc.isenabled())
class C:
    pass
class S:
    __slots__ = ('a',)
def fn():
    pass
def gen():
    yield 1
print("int", T(1), "big int", T(10**30), "str", T('abc'), "float", T(1.5), "None", T(None), "bool", T(True))
print("() ", T(()), "(1,2) const", T((1, 2)), "(1,[]) ", T((1, [])))
x = 5
t = (x, x + 1)
print("runtime tuple of ints before collect:", T(t))
t2 = (x, [])
tn = ((x,), 'a')
gc.collect()
print("runtime tuple of ints after collect:", T(t), "tuple with list:", T(t2), "nested tuple of untracked:", T(tn))
print("{}", T({}), "{'a':1}", T({'a': 1}), "{'a':[]}", T({'a': []}), "{'a':(1,2)}", T({'a': (1, 2)}))
d = {}
d['k'] = [1]
print("dict after assigning list value:", T(d))
d2 = {'k': 1}
d2['j'] = 'str'
print("dict after assigning str value:", T(d2))
d3 = {'k': 1}
d3['l'] = (x, 1)
print("dict after assigning runtime tuple value:", T(d3))
d4 = {}
d4[(x, 1)] = 1
print("dict with tuple key:", T(d4))
d5 = {'k': C()}
del d5['k']
print("dict after removing the tracked value:", T(d5))
d6 = {'k': []}
gc.collect()
print("dict with list after collect:", T(d6))
d7 = {'k': 1}
gc.collect()
print("dict of ints after collect:", T(d7))
print("dict(a=1):", T(dict(a=1)), "dict comprehension ints:", T({i: i for i in range(3)}))
print("dict copy of untracked:", T({'a': 1}.copy()), "dict(x) of untracked:", T(dict({'a': 1})))
print("[]", T([]), "[1]", T([1]), "set()", T(set()), "{1}", T({1}), "frozenset()", T(frozenset()), "frozenset({1})", T(frozenset({1})))
print("instance", T(C()), "slots instance", T(S()), "class", T(C), "function", T(fn), "lambda", T(lambda: 0))
print("generator", T(gen()), "genexpr", T(i for i in range(2)), "range", T(range(3)))
o = C()
print("instance __dict__ (empty, accessed):", T(o.__dict__))
o.a = 1
print("instance __dict__ with int attr:", T(o.__dict__))
o2 = C()
o2.a = []
print("instance __dict__ with list attr:", T(o2.__dict__))
print("bound method", T(o.__init__), "str method", T('a'.upper))
import weakref
print("weakref", T(weakref.ref(o)))
print("list iterator", T(iter([])), "enumerate", T(enumerate([])), "zip", T(zip()))
print("cell", T((lambda: o).__closure__), "tuple of cell (closure)", T(fn.__code__))
print("exception", T(ValueError()))
print("module", T(gc))
print("bytes", T(b'a'))
print("slice", T(slice(1, 2)))
