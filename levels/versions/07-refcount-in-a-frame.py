import sys
def inspect(thing):
    return sys.getrefcount(thing)
data = []
print(sys.getrefcount(data))
print(inspect(data))
