import weakref
class T:
    def __init__(self, n):
        self.n = n
def cb(r):
    print('callback, dead:', r() is None)
t = T(1)
r1 = weakref.ref(t)
r2 = weakref.ref(t, cb)
r3 = weakref.ref(t)
print(r1 is r3, r1 is r2, r1() is t, weakref.getweakrefcount(t))
del t
print(r1(), r2())
s = T(2)
rs = weakref.ref(s, lambda r: print('lambda cb'))
s = None
print('done')
try:
    weakref.ref([1])
except TypeError as e:
    print(e)
