# Order of __del__ and weakref callbacks on refcount death, in cycles and at shutdown.
import gc, weakref
class D:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)
print("--- del of a list of objects")
lst = [D('a'), D('b'), D('c')]
del lst
print("--- list.clear()")
lst = [D('a'), D('b'), D('c')]
lst.clear()
print("--- tuple of objects")
t = (D('a'), D('b'), D('c'))
del t
print("--- dict values")
d = {'x': D('x'), 'y': D('y')}
del d
print("--- set of objects (order follows hash table)")
s = {D('p')}
del s
print("--- nested: outer holds inner")
o = D('outer'); o.child = D('inner')
del o
print("--- rebinding a name")
n = D('first')
n = D('second')
print("after rebinding")
del n
print("--- function local dies at return")
def f():
    loc = D('local')
    print("returning")
f()
print("after f()")
print("--- temporary never bound")
D('temp')
print("after temp")
print("--- weakref callback vs __del__")
def cb(r):
    print("callback, ref() is", r())
x = D('x')
w = weakref.ref(x, cb)
del x
print("w() after death:", w())
print("--- weakref dies before referent: no callback")
x = D('x2')
w = weakref.ref(x, cb)
del w
del x
print("--- two weakrefs with callbacks: most recent first")
def cb1(r):
    print("cb1")
def cb2(r):
    print("cb2")
x = D('x3')
w1 = weakref.ref(x, cb1)
w2 = weakref.ref(x, cb2)
del x
print("--- weakref without callback is shared")
x = D('x4')
print(weakref.ref(x) is weakref.ref(x))
print(weakref.ref(x, cb1) is weakref.ref(x, cb1))
del x
print("--- cycle: finalizers and callbacks in gc.collect")
a = D('A'); b = D('B'); a.o = b; b.o = a
wa = weakref.ref(a, cb1)
del a, b
print("collected", gc.collect())
print("--- cycle of three")
a = D('1'); b = D('2'); c = D('3'); a.n = b; b.n = c; c.n = a
del a, b, c
print("collected", gc.collect())
print("--- list of cycles")
a = D('L1'); a.me = a
b = D('L2'); b.me = b
del a
del b
print("collected", gc.collect())
print("--- del of a list holding a __del__ object referencing another")
p = D('parent'); p.kid = D('kid')
holder = [p]
del p
del holder
print("--- exception in __del__ is printed to stderr, not raised")
class Bad:
    def __del__(self):
        print("bad del runs")
        raise ValueError("boom")
bd = Bad()
del bd
print("still running")
print("--- module globals at shutdown")
g1 = D('global1')
g2 = D('global2')
g3 = D('global3')
print("end of program")
