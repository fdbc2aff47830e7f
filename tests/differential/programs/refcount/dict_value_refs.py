import sys
d = {}
v = [0]
d['a'] = v
print(sys.getrefcount(v))
d['b'] = v
print(sys.getrefcount(v))
d['a'] = None
print(sys.getrefcount(v))
del d['b']
print(sys.getrefcount(v))
print(sys.getrefcount(d))
