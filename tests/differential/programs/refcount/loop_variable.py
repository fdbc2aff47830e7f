import sys
obj = []
for item in [obj]:
    print(sys.getrefcount(item))
for item in (obj, obj):
    print(sys.getrefcount(item))
print(sys.getrefcount(obj))
del item
print(sys.getrefcount(obj))
for fresh in [[]]:
    print(sys.getrefcount(fresh))
