import gc
class Node:
    pass
gc.collect()
nodes = []
for i in range(3):
    n = Node()
    n.me = n
    nodes.append(n)
del n
print(gc.collect())
del nodes
print(gc.collect())
