import sys
a = ['data']
b = a
del a
print(sys.getrefcount(b))
print(b)
