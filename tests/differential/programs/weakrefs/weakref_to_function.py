import weakref
def f():
    return 'called'
r = weakref.ref(f)
print(r()())
g = lambda: 'lam'
rg = weakref.ref(g)
del g
print(rg())
