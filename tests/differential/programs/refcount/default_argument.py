import sys
shared = []
def f(x=shared):
    return sys.getrefcount(x)
print(sys.getrefcount(shared))
print(f())
print(f(shared))
def g(x=[]):
    x.append(1)
    return sys.getrefcount(x), len(x)
print(g())
print(g())
