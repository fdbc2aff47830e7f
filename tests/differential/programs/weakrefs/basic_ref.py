import weakref
class Thing:
    pass
t = Thing()
r = weakref.ref(t)
print(r() is t)
del t
print(r())
