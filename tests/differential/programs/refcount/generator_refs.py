import sys
def walk(seq):
    for x in seq:
        yield sys.getrefcount(seq)
data = [1, 2]
print(sys.getrefcount(data))
g = walk(data)
print(sys.getrefcount(data))
print(next(g))
print(sys.getrefcount(g))
del g
print(sys.getrefcount(data))
