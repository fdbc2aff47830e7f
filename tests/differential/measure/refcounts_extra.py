# More refcount situations: slotted classes, methods, generators, comprehensions, unpacking.
import sys
R = sys.getrefcount
class S:
    __slots__ = ('a', 'b')
print("slotted class, no instances:", R(S))
s = S()
print("slotted class, one instance:", R(S))
class E:
    pass
print("empty class:", R(E))
class Sub(E):
    pass
print("base class after subclassing:", R(E), "subclass:", R(Sub))
class M:
    def meth(self):
        pass
print("function in class via C.meth:", R(M.meth))
m = M()
bm = m.meth
print("bound method object:", R(bm), "instance:", R(m))
bm2 = m.meth
print("second bound method is a new object:", bm is bm2, R(m))
def gen(x):
    yield R(x)
lst = []
g = gen(lst)
print("arg captured by generator before start:", R(lst))
print("inside generator:", next(g))
del g
print("after generator deleted:", R(lst))
def gen2():
    yield 1
g2 = gen2()
print("generator object:", R(g2))
it = iter(lst)
print("list held by iterator:", R(lst))
del it
a, b = [], []
print("tuple-unpacked:", R(a))
c, d = lst, lst
print("unpacked twice:", R(lst))
del c, d
pair = (lst, lst)
print("in a tuple twice:", R(lst))
del pair
nested = [[lst]]
print("nested:", R(lst))
del nested
dct = {'a': lst, 'b': lst}
print("dict values twice:", R(lst))
dct2 = {1: 'x'}
k = (1, 2)
dct3 = {k: 1}
print("tuple as dict key:", R(k))
del dct, dct2, dct3
o = E()
o.x = lst
o.y = lst
print("two attributes:", R(lst))
del o
f = lambda: lst
print("lambda over global (no cell):", R(lst))
def make():
    v = []
    def inner():
        return v
    return inner, v
fn, v = make()
print("object in a cell + name:", R(v))
print("closure function:", R(fn))
print("class attribute:", R(E))
E.shared = lst
print("list as class attribute:", R(lst))
def default(x=[]):
    return R(x)
print("mutable default inside:", default())
x = 10 ** 20
print("big int one name:", R(x))
y = x
print("big int two names:", R(x))
print("float from arithmetic:", R(1.5 * x))
w = 'runtime ' + str(x)
print("runtime str:", R(w))
print("len of new list:", R(len([])) > 10)
print("same list in set? no, lists unhashable; tuple in set:", R(k))
st = {k}
print("tuple in set:", R(k))
fs = frozenset([k])
print("tuple in set and frozenset:", R(k))
