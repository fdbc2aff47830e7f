# gc.collect() return values for standard garbage shapes, and PEP 442 finalizer behaviour.
import gc
import weakref
print("nothing:", gc.collect())
a = []
a.append(a)
del a
print("self-referencing list:", gc.collect())
class C:
    pass
x = C(); y = C(); x.other = y; y.other = x
del x, y
print("two instances in a cycle:", gc.collect())
x = C(); x.me = x
del x
print("one instance referencing itself:", gc.collect())
x = C(); y = C(); x.other = y; y.other = x
x.__dict__
del x, y
print("two instances, one __dict__ materialised:", gc.collect())
d = {}
d['self'] = d
del d
print("self-referencing dict:", gc.collect())
l1 = []; l2 = [l1]; l1.append(l2)
del l1, l2
print("two lists in a cycle:", gc.collect())
t = ([],)
t[0].append(t)
del t
print("tuple <-> list cycle:", gc.collect())
def make_closure_cycle():
    def inner():
        return inner
    return inner
f = make_closure_cycle()
del f
print("closure cycle (function -> cell -> function):", gc.collect())
class D:
    def __del__(self):
        print("  D.__del__", self.name)
x = D(); x.name = 'x'; x.me = x
del x
print("instance with __del__ in self-cycle:", gc.collect())
x = D(); y = D(); x.name = 'x'; y.name = 'y'; x.other = y; y.other = x
del x, y
print("two __del__ instances in cycle:", gc.collect())
saved = []
class R:
    def __del__(self):
        print("  R.__del__ resurrecting")
        saved.append(self)
r = R(); r.me = r
del r
print("resurrecting finalizer, first collect:", gc.collect())
print("saved:", len(saved))
saved.clear()
print("after clearing saved (finalizer does not run again):", gc.collect())
def cb(ref):
    print("  weakref callback")
x = C(); x.me = x
w = weakref.ref(x, cb)
del x
print("cycle with weakref+callback:", gc.collect(), "ref now:", w())
x = C(); x.me = x
w2 = weakref.ref(x)
del x
print("cycle with plain weakref:", gc.collect(), w2())
gen_cycle = [[]]
gen_cycle[0].append(gen_cycle)
del gen_cycle
print("collect(0):", gc.collect(0))
big = []
big.append(big)
del big
print("collect(1):", gc.collect(1))
big = []
big.append(big)
del big
print("collect(2):", gc.collect(2))
print("get_count after collect:", gc.get_count())
class S:
    __slots__ = ('other',)
x = S(); y = S(); x.other = y; y.other = x
del x, y
print("two slotted instances in cycle:", gc.collect())
class M:
    def __init__(self):
        self.a = 1; self.b = 2; self.c = 3
x = M(); y = M(); x.o = y; y.o = x
del x, y
print("two instances with 4 attrs (one added after init):", gc.collect())
objs = [C() for i in range(5)]
for i in range(5):
    objs[i].next = objs[(i + 1) % 5]
del objs
print("ring of 5 instances:", gc.collect())
x = C(); x.data = [1, 2, 3]; x.me = x
del x
print("instance in cycle holding a list:", gc.collect())
x = C(); x.data = {'k': 'v'}; x.me = x
del x
print("instance in cycle holding a dict:", gc.collect())
def g():
    yield 1
ge = g()
ge_list = [ge]
ge_list.append(ge_list)
del ge, ge_list
print("list cycle holding a fresh generator:", gc.collect())
gc.disable()
print("isenabled after disable:", gc.isenabled())
gc.enable()
gc.set_threshold(100, 5, 5)
print("set_threshold:", gc.get_threshold())
gc.set_threshold(50)
print("set_threshold one arg:", gc.get_threshold())
