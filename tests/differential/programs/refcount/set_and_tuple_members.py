import sys
x = 5
key = (x, 'k')
print(sys.getrefcount(key))
s = {key}
print(sys.getrefcount(key))
f = frozenset([key])
print(sys.getrefcount(key))
d = {key: key}
print(sys.getrefcount(key))
s.clear()
print(sys.getrefcount(key))
