import gc
class Node:
    pass
gc.collect()
n = Node()
n.me = n
n.items = [1, 2, 3]
n.table = {'k': 'v'}
del n
print(gc.collect())
