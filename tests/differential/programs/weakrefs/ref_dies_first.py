import weakref
class Thing:
    pass
def cb(r):
    print('callback')
t = Thing()
r = weakref.ref(t, cb)
del r
del t
print('no callback ran')
