import weakref
class Thing:
    pass
t = Thing()
r = weakref.ref(t)
print(r() is t)
alias = t
del t
print(r() is not None)
del alias
print(r() is None)
