# sys.getrefcount in the standard situations, each at module level unless the label says otherwise.
import sys, copy, gc
R = sys.getrefcount
a = []
print("fresh list, one name:", R(a))
b = a
print("two names:", R(a))
del b
holder = [a]
print("one name + in a list:", R(a))
del holder
print("R([]) of a literal:", R([]))
def f_pos(x):
    return R(x)
print("function arg (positional), inside:", f_pos(a))
def f_def(x=a):
    return R(x)
print("default arg used, inside:", f_def())
print("function holding default, outside:", R(a))
del f_def
def f_local():
    y = []
    return R(y)
print("local in function:", f_local())
def f_local2():
    y = []
    z = y
    return R(y)
print("local two names:", f_local2())
class C:
    def m(self):
        return R(self)
    def __init__(self):
        print("self in __init__ during C():", R(self))
o = C()
print("instance one name:", R(o))
print("self in o.m():", o.m())
print("self in C.m(o):", C.m(o))
m = o.m
print("bound method m = o.m -> R(o):", R(o), "R(m):", R(m))
del m
for item in [o]:
    print("for target over [o] (o also named):", R(item))
for item in (o,):
    print("for target over tuple (o,):", R(item))
it_list = [1, 2]
for item in it_list:
    print("iterable being looped:", R(it_list))
    break
for item in [[]]:
    print("for target over literal [[]]:", R(item))
lst = [[], []]
print("list element R(lst[0]):", R(lst[0]))
g = []
def f_global():
    return R(g)
print("global from function:", f_global())
def outer():
    cellvar = []
    def inner():
        return cellvar
    print("closure cell var inside outer:", R(cellvar))
    return inner
inner = outer()
print("cell contents via inner():", R(inner()))
class K:
    pass
print("class object K (fresh):", R(K))
k1 = K()
print("class K with 1 instance:", R(K))
k2 = K()
print("class K with 2 instances:", R(K))
def fn():
    pass
print("function object:", R(fn))
print("str constant 'hello':", R('hello'))
print("str constant 'hello world!':", R('hello world!'))
s = 'xyzzy_unique'
print("identifier-like const bound to s:", R(s))
s2 = 'not an identifier!'
print("non-identifier const bound to s2:", R(s2))
s3 = sys.intern('interned_runtime' + str(1))
print("sys.intern of runtime str:", R(s3))
s4 = 'ab' * 2
print("'ab'*2:", R(s4))
s5 = ''.join(['q', 'r', 's'])
print("''.join:", R(s5))
n = 257
print("257 used in one assignment:", R(n))
n2 = 257
print("257 bound to two names (same const):", R(n))
n3 = int('257')
print("int('257'):", R(n3))
fl = 1.5
print("float 1.5:", R(fl))
fl2 = 0.1 + 0.2
print("float from arithmetic:", R(fl2))
for v in (0, 1, 100, 256, -5, 257):
    pass
print("None:", R(None) > 1000, R(None))
print("True:", R(True))
print("False:", R(False))
print("0:", R(0), "1:", R(1), "100:", R(100), "256:", R(256), "-5:", R(-5))
print("empty tuple ():", R(()))
print("empty str '':", R(''))
print("__name__:", R(__name__))
def gen():
    x = []
    yield R(x)
print("inside generator:", next(gen()))
orig = [[1], [2]]
sh = copy.copy(orig)
print("after copy.copy, inner:", R(orig[0]), "outer:", R(orig))
dp = copy.deepcopy(orig)
print("after deepcopy, inner:", R(orig[0]), "copy inner:", R(dp[0]))
d = {'k': []}
print("dict value:", R(d['k']))
print("dict:", R(d))
try:
    raise ValueError('x')
except ValueError as e:
    print("exception in except as e:", R(e))
try:
    raise ValueError('x')
except ValueError as e2:
    err = e2
print("exception saved after except:", R(err))
t = (a, a)
print("list in tuple twice:", R(a))
del t
at = C()
at.attr = a
print("list as attribute:", R(a))
print("instance with attr:", R(at))
x = y = []
print("x = y = []:", R(x))
def two(p, q):
    return R(p)
print("same object as two args:", two(a, a))
lam = lambda v: R(v)
print("lambda arg:", lam(a))
print("list comp element:", [R(e) for e in [a]])
print("R(R):", R(R))
print("dict key str 'k':", R('k'))
def ret():
    return []
print("returned fresh list:", R(ret()))
print("len:", R(len))
class WithDel:
    def __del__(self):
        pass
w = WithDel()
print("instance with __del__:", R(w))
print("module-level function f_pos:", R(f_pos))
print("class C:", R(C))
