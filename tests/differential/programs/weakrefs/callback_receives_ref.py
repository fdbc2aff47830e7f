import weakref
class Thing:
    pass
seen = []
def cb(r):
    seen.append(r)
t = Thing()
r = weakref.ref(t, cb)
del t
print(len(seen), seen[0] is r, r())
