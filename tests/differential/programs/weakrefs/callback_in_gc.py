import gc
import weakref
class Node:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print('__del__', self.name)
def cb(r):
    print('callback')
gc.collect()
n = Node('n')
n.me = n
w = weakref.ref(n, cb)
del n
print(gc.collect())
print(w())
