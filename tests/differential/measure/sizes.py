# Measures sys.getsizeof for every type the engine models. Run with each CPython.
import sys
S = sys.getsizeof

def show(label, v):
    print(f"{label}: {v}")

show("int 0", S(0)); show("int 1", S(1)); show("int -1", S(-1))
show("int 2**30-1", S(2**30-1)); show("int 2**30", S(2**30))
show("int 2**60-1", S(2**60-1)); show("int 2**60", S(2**60)); show("int 2**90", S(2**90))
show("int -(2**30)", S(-(2**30))); show("int 10**100", S(10**100))
show("bool True", S(True)); show("bool False", S(False))
show("float", S(1.5)); show("None", S(None))
show("str ''", S('')); 
for n in (1, 2, 5, 10, 100):
    show(f"str ascii len {n}", S('a' * n))
show("str latin1 'é'", S('é')); show("str latin1 'é'*10", S('é' * 10))
show("str bmp '€'", S('€')); show("str bmp '€'*10", S('€' * 10))
show("str astral", S('\U0001F600')); show("str astral*10", S('\U0001F600' * 10))
show("str interned 'hello'", S(sys.intern('hello')))
show("str runtime 'hello'", S(''.join(['hel', 'lo'])))
show("str 'a b c'", S('a b c'))
for n in range(0, 6):
    show(f"tuple len {n}", S(tuple(range(n))))
show("tuple len 10", S(tuple(range(10))))
show("list [] ", S([])); show("list()", S(list()))
show("list [1]", S([1])); show("list [1,2,3]", S([1, 2, 3])); show("list literal 10", S([0,1,2,3,4,5,6,7,8,9]))
seq = []
for n in range(0, 41):
    lst = []
    for i in range(n):
        lst.append(i)
    seq.append(S(lst))
show("list append n=0..40", seq)
show("list(range(n)) n=0..20", [S(list(range(n))) for n in range(21)])
show("list(some_list) n=0..20", [S(list([0] * n)) for n in range(21)])
show("comprehension n=0..40", [S([x for x in range(n)]) for n in range(41)])
show("[0]*n n=0..20", [S([0] * n) for n in range(21)])
def built(n):
    l = []
    for i in range(n):
        l.append(i)
    return l
show("appended n -> copy() n=0..20", [S(built(n).copy()) for n in range(21)])
show("appended n -> [:] n=0..20", [S(built(n)[:]) for n in range(21)])
show("lit3 + lit3", S([1, 2, 3] + [1, 2, 3]))
show("appended n + itself n=0..10", [S(built(n) + built(n)) for n in range(11)])
pops = []
l = built(20)
while l:
    l.pop()
    pops.append(S(l))
show("pop from 20 down to 0", pops)
l = built(20); l.clear(); show("after clear()", S(l))
l = built(20); del l[:]; show("after del l[:]", S(l))
ext = []
for n in range(0, 21):
    l = []
    l.extend(range(n))
    ext.append(S(l))
show("[].extend(range(n)) n=0..20", ext)
ext = []
for n in range(0, 21):
    l = []
    l.extend([0] * n)
    ext.append(S(l))
show("[].extend(list n) n=0..20", ext)
l = [1, 2, 3]; l.append(4); show("[1,2,3].append(4)", S(l))
l = [1, 2, 3]; l.extend([4]); show("[1,2,3].extend([4])", S(l))
l = [1, 2, 3]; l += [4, 5]; show("[1,2,3] += [4,5]", S(l))
l = []; l.insert(0, 1); show("[].insert(0,1)", S(l))
l = [0] * 10; l.append(1); show("[0]*10 append", S(l))
l = list(range(5)); show("list(range(5)) sorted()", S(sorted(l)))
show("sorted(range(n)) n=0..10", [S(sorted(range(n))) for n in range(11)])
show("list('abc')", S(list('abc'))); show("list((1,2,3))", S(list((1, 2, 3)))); show("list({1,2,3})", S(list({1, 2, 3})))
show("list(dict 3)", S(list({'a': 1, 'b': 2, 'c': 3})))
show("str.split 3", S('a b c'.split()))
show("list(gen n=5)", S(list(x for x in range(5))))
l = list(range(10)); show("list(range(10)) slice [2:5]", S(l[2:5]))
# dicts
show("dict {}", S({})); show("dict()", S(dict()))
sk = []
ik = []
for n in range(0, 21):
    d = {}
    for i in range(n):
        d['k' + str(i)] = i
    sk.append(S(d))
    d = {}
    for i in range(n):
        d[i] = i
    ik.append(S(d))
show("dict str keys assigned n=0..20", sk)
show("dict int keys assigned n=0..20", ik)
show("dict comprehension int n=0..20", [S({i: i for i in range(n)}) for n in range(21)])
show("dict literal 1", S({'a': 1})); show("dict literal 3", S({'a': 1, 'b': 2, 'c': 3}))
show("dict literal 6", S({'a': 1, 'b': 2, 'c': 3, 'd': 4, 'e': 5, 'f': 6}))
show("dict(a=1,b=2)", S(dict(a=1, b=2)))
show("dict(zip) 3", S(dict(zip('abc', range(3)))))
d = {i: i for i in range(10)}
for i in range(8):
    del d[i]
show("dict 10 then del 8", S(d))
d = {i: i for i in range(10)}; d.clear(); show("dict 10 clear", S(d))
show("dict 10 copy", S({i: i for i in range(10)}.copy()))
show("dict copies n=0..20", [S({i: i for i in range(n)}.copy()) for n in range(21)])
show("dict(d) n=0..20", [S(dict({i: i for i in range(n)})) for n in range(21)])
show("dict.fromkeys(range 5)", S(dict.fromkeys(range(5))))
# sets
show("set()", S(set())); show("frozenset()", S(frozenset()))
sa = []
for n in range(0, 21):
    s = set()
    for i in range(n):
        s.add(i)
    sa.append(S(s))
show("set add n=0..20", sa)
show("set(range(n)) n=0..20", [S(set(range(n))) for n in range(21)])
show("set comprehension n=0..20", [S({x for x in range(n)}) for n in range(21)])
show("frozenset(range(n)) n=0..20", [S(frozenset(range(n))) for n in range(21)])
show("set literal {1,2,3}", S({1, 2, 3}))
show("set literal 5", S({1, 2, 3, 4, 5}))
show("set literal 6", S({1, 2, 3, 4, 5, 6}))
show("set(list 3)", S(set([1, 2, 3])))
show("set copy 3", S({1, 2, 3}.copy()))
show("range(10)", S(range(10)))
def gen():
    yield 1
show("generator function obj", S(gen()))
show("genexpr", S(x for x in range(3)))
show("function", S(gen)); show("lambda", S(lambda: 0))
class C:
    def __init__(self):
        self.a = 1
        self.b = 2
    def m(self):
        pass
class D:
    __slots__ = ('a', 'b')
    def __init__(self):
        self.a = 1
        self.b = 2
class E:
    pass
class F:
    __slots__ = ()
class G:
    __slots__ = ('a',)
o = C()
show("instance C (2 attrs)", S(o)); show("instance E (no attrs)", S(E()))
show("instance D slots 2", S(D())); show("instance F slots 0", S(F())); show("instance G slots 1", S(G()))
show("instance __dict__ 2 attrs", S(o.__dict__))
e = E(); show("E().__dict__ empty", S(e.__dict__))
many = E()
for i in range(10):
    setattr(many, 'a' + str(i), i)
show("instance __dict__ 10 attrs", S(many.__dict__))
show("bound method", S(o.m))
def outer():
    x = 1
    def inner():
        return x
    return inner
show("cell", S(outer().__closure__[0]))
show("closure function", S(outer()))
import weakref
show("weakref", S(weakref.ref(o)))
def cb(r):
    pass
show("weakref with callback", S(weakref.ref(o, cb)))
show("list iterator", S(iter([1, 2]))); show("dict keys iterator", S(iter({})))
show("tuple iterator", S(iter((1,)))); show("range iterator", S(iter(range(3))))
show("set iterator", S(iter(set())))
show("str iterator", S(iter('ab')))
show("enumerate", S(enumerate([]))); show("zip 2", S(zip([], [])))
show("type C", S(C)); show("type D slots", S(D))
show("dict keys view", S({}.keys()))
show("slice obj", S(slice(1, 2)))
try:
    1 / 0
except ZeroDivisionError as ex:
    show("exception", S(ex))
show("module sys", S(sys))
show("Ellipsis", S(...))
show("complex", S(1j))
show("bytes b''", S(b'')); show("bytes b'abc'", S(b'abc'))
