import gc
class Node:
    pass
gc.collect()
keeper = []
a = Node()
a.me = a
keeper.append(a)
del a
print(gc.collect())
keeper.clear()
print(gc.collect())
