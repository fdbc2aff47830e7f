import gc
import sys
gc.collect()
a = []
b = [a]
a.append(b)
print(sys.getrefcount(a), sys.getrefcount(b))
del b
print(sys.getrefcount(a))
del a
print(gc.collect())
