import gc
class Node:
    def __init__(self, label):
        self.label = label
        self.next = None
gc.collect()
nodes = [Node(i) for i in range(4)]
for i in range(4):
    nodes[i].next = nodes[(i + 1) % 4]
head = nodes[0]
del nodes
print('head kept:', gc.collect())
print(head.next.next.next.next is head)
del head
print('ring dropped:', gc.collect())
