import gc
class Node:
    def __init__(self, name):
        self.name = name
        self.ref = None
gc.collect()
a = Node('a')
b = Node('b')
a.ref = b
b.ref = a
del a, b
print(gc.collect())
l = []
l.append(l)
del l
print(gc.collect())
x = [1]
y = [x]
x.append(y)
del x, y
print(gc.collect())
d = {}
d['me'] = d
del d
print(gc.collect())
print(gc.collect())
gc.disable()
print(gc.isenabled())
n = Node('n')
n.ref = n
del n
print(gc.collect())
gc.enable()
print(gc.isenabled(), gc.get_threshold())
gc.set_threshold(500, 5, 5)
print(gc.get_threshold())
print(gc.is_tracked([]), gc.is_tracked({}), gc.is_tracked({'a': []}), gc.is_tracked(1), gc.is_tracked('s'), gc.is_tracked(Node('z')))
