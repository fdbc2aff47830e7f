import weakref
class Thing:
    def __del__(self):
        print('__del__')
def cb(ref):
    print('callback, referent is', ref())
t = Thing()
r = weakref.ref(t, cb)
del t
print('after del')
