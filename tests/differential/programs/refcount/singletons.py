import sys
# Counts of None, True and small ints depend on the whole interpreter; compare, never print.
print(sys.getrefcount(None) > 100)
print(sys.getrefcount(True) > 10)
print(sys.getrefcount(0) > 10, sys.getrefcount(1) > 10)
print(sys.getrefcount(()) > 100)
x = None
y = None
print(x is y)
