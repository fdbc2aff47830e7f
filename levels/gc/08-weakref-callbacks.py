import weakref
class Item:
    pass
def first_cb(ref):
    print('first registered')
def second_cb(ref):
    print('second registered')
thing = Item()
r1 = weakref.ref(thing, first_cb)
r2 = weakref.ref(thing, second_cb)
del thing
print(r1() is None)
