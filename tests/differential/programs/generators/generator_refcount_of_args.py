import sys
def slow_sum(seq):
    total = 0
    for x in seq:
        total += x
        yield total
data = [1, 2, 3]
g = slow_sum(data)
print(sys.getrefcount(data))
print(list(g))
print(sys.getrefcount(data))
del g
print(sys.getrefcount(data))
