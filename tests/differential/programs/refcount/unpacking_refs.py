import sys
src = []
a, b = src, src
print(sys.getrefcount(src))
c, d = [], []
print(sys.getrefcount(c), c is d)
x, y = y, x = src, []
print(sys.getrefcount(src))
