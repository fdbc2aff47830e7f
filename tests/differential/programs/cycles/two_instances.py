import gc
class Node:
    pass
gc.collect()
a = Node()
b = Node()
a.partner = b
b.partner = a
del a, b
print(gc.collect())
