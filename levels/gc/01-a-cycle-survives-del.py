import gc
class Node:
    def __init__(self, name):
        self.name = name
a = Node('a')
b = Node('b')
a.next = b
b.next = a
del a
del b
print(gc.collect())
