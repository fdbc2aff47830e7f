import gc
import weakref
class Node:
    pass
gc.collect()
a = Node()
b = Node()
a.peer = b
b.peer = a
ra = weakref.ref(a)
del a, b
print(ra() is not None)
gc.collect()
print(ra())
