import sys
def outer():
    v = 1
    def inner():
        return v
    return inner
f = outer()
print(sys.getsizeof(f), sys.getsizeof(f.__closure__[0]) if hasattr(f, '__closure__') else 0)
