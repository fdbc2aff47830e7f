import sys
def outer():
    data = []
    def inner():
        return data
    print('in outer:', sys.getrefcount(data))
    return inner
f = outer()
print('via closure:', sys.getrefcount(f()))
kept = f()
print('kept + cell:', sys.getrefcount(kept))
del f
print('cell gone:', sys.getrefcount(kept))
