import sys
# Small ints are shared by the whole interpreter: their count is large on every version.
print(sys.getrefcount(1) > 50)
print(sys.getrefcount(255) > 2)
n = 1000 + len([])
print(sys.getrefcount(n))
