import weakref
class Thing:
    pass
def first(r):
    print('first callback')
def second(r):
    print('second callback')
def third(r):
    print('third callback')
t = Thing()
a = weakref.ref(t, first)
b = weakref.ref(t, second)
c = weakref.ref(t, third)
del t
