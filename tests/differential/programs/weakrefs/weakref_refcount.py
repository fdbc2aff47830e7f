import sys
import weakref
class Thing:
    pass
t = Thing()
print(sys.getrefcount(t))
r = weakref.ref(t)
print(sys.getrefcount(t))
strong = r()
print(sys.getrefcount(t))
del strong
print(sys.getrefcount(t))
