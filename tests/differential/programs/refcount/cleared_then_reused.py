import sys
a = [1, 2, 3]
b = [a, a, a]
print(sys.getrefcount(a))
b[0] = 0
print(sys.getrefcount(a))
b[1:] = []
print(sys.getrefcount(a), b)
b = None
print(sys.getrefcount(a))
