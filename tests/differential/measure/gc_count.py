# How gc.get_count()[0] moves per allocation and deallocation, measured without print noise:
# each reading is stored, printed only at the end. Every reading allocates its own tuple.
import gc
class C:
    pass
class S:
    __slots__ = ('a',)
def fn():
    return 1
def gen():
    yield 1
readings = []
def measure(label, make):
    gc.collect()
    before = gc.get_count()
    keep = make()
    after = gc.get_count()
    del keep
    freed = gc.get_count()
    readings.append((label, after[0] - before[0], freed[0] - after[0]))
measure("nothing (None)", lambda: None)
measure("[]", lambda: [])
measure("[1,2,3]", lambda: [1, 2, 3])
measure("{}", lambda: {})
measure("{'a': 1}", lambda: {'a': 1})
measure("set()", lambda: set())
measure("(x, y) runtime", lambda: (len(readings), 2))
measure("int 10**20 runtime", lambda: 10 ** len(readings) * 10 ** 20)
measure("str runtime", lambda: 'a' * len(readings) + 'b')
measure("C()", lambda: C())
measure("S()", lambda: S())
measure("C() with __dict__ touched", lambda: C().__dict__)
measure("fn (closure-free lambda)", lambda: (lambda: 1))
measure("gen()", lambda: gen())
measure("[[] for _ in range(10)]", lambda: [[] for _ in range(10)])
measure("list(range(10))", lambda: list(range(10)))
measure("bound method", lambda: fn.__call__)
measure("fn() call (no objects)", lambda: fn())
for r in readings:
    print(r)
gc.collect()
c0 = gc.get_count()
a = []
c1 = gc.get_count()
b = []
c2 = gc.get_count()
del a
c3 = gc.get_count()
print("module-level sequence:", c0, c1, c2, c3)
gc.collect()
c0 = gc.get_count()
x = C()
c1 = gc.get_count()
x.attr = 5
c2 = gc.get_count()
x.__dict__
c3 = gc.get_count()
print("instance then attr then __dict__:", c0, c1, c2, c3)
gc.collect()
c0 = gc.get_count()
fn()
c1 = gc.get_count()
print("calling a python function:", c0, c1)
gc.collect()
c0 = gc.get_count()
for i in range(3):
    pass
c1 = gc.get_count()
print("for loop over range:", c0, c1)
gc.collect()
c0 = gc.get_count()
print("x")
c1 = gc.get_count()
print("print('x') cost:", c0, c1)
gc.collect()
c0 = gc.get_count()
print(1, 2)
c1 = gc.get_count()
print("print(1, 2) cost:", c0, c1)
gc.collect()
c0 = gc.get_count()
print(c0)
c1 = gc.get_count()
print("print(tuple) cost:", c0, c1)
gc.collect()
c0 = gc.get_count()
s = f"{c0}"
c1 = gc.get_count()
print("f-string cost:", c0, c1)
