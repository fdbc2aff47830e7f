import sys
def f():
    pass
print(sys.getrefcount(f))
g = f
print(sys.getrefcount(f))
table = {'handler': f}
print(sys.getrefcount(f))
lam = lambda: 0
print(sys.getrefcount(lam))
del g, table
print(sys.getrefcount(f))
