import sys
# Inside a call, the parameter is one more reference (3.10 also keeps the caller's stack slot).
def inside(x):
    return sys.getrefcount(x)
data = []
print(inside(data))
print(sys.getrefcount(data))
def two(p, q):
    return sys.getrefcount(p)
print(two(data, data))
def nested(x):
    return inside(x)
print(nested(data))
