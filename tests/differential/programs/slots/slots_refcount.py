import sys
class Holder:
    __slots__ = ('a', 'b')
payload = []
h = Holder()
h.a = payload
h.b = payload
print(sys.getrefcount(payload))
del h.a
print(sys.getrefcount(payload))
del h
print(sys.getrefcount(payload))
