import sys
data = [[], []]
e = enumerate(data)
print(sys.getrefcount(data))
z = zip(data, data)
print(sys.getrefcount(data))
for i, item in enumerate(data):
    print(i, sys.getrefcount(item))
del e, z
print(sys.getrefcount(data))
