import sys
def f():
    return 99999
def g():
    x = 99999
    return sys.getrefcount(x)
top = 99999
print(f() is top)
print(g())
print(sys.getrefcount(top))
