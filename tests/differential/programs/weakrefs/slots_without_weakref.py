import weakref
class Tight:
    __slots__ = ('a',)
class Loose:
    __slots__ = ('a', '__weakref__')
try:
    weakref.ref(Tight())
except TypeError as e:
    print('TypeError:', e)
r = weakref.ref(Loose())
print(r())
