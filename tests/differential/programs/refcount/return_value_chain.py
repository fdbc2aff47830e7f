import sys
def make():
    return []
def passthrough(x):
    return x
a = make()
print(sys.getrefcount(a))
b = passthrough(a)
print(sys.getrefcount(a))
print(sys.getrefcount(passthrough(make())))
