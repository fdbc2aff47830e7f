import sys
obj = []
print([sys.getrefcount(e) for e in [obj]])
print([sys.getrefcount(e) for e in (obj, obj)])
counts = [sys.getrefcount(obj) for _ in range(2)]
print(counts)
