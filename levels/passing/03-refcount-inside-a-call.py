import sys
def inspect(thing):
    return sys.getrefcount(thing)
data = [1, 2, 3]
print(sys.getrefcount(data))
print(inspect(data))
