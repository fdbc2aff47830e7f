import weakref
class Thing:
    pass
def cb(r):
    pass
t = Thing()
r1 = weakref.ref(t)
r2 = weakref.ref(t)
print(r1 is r2)
r3 = weakref.ref(t, cb)
r4 = weakref.ref(t, cb)
print(r3 is r4, r3 is r1)
print(r1 == r2, r1() is r3())
