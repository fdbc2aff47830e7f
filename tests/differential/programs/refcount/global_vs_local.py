import sys
g = []
def read_global():
    return sys.getrefcount(g)
def local_only():
    loc = []
    return sys.getrefcount(loc)
def local_alias():
    loc = g
    return sys.getrefcount(g)
print(sys.getrefcount(g))
print(read_global())
print(local_only())
print(local_alias())
print(sys.getrefcount(g))
