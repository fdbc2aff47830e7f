import sys
class Node:
    pass
payload = []
n = Node()
n.data = payload
print(sys.getrefcount(payload))
m = Node()
m.data = payload
print(sys.getrefcount(payload))
del n.data
print(sys.getrefcount(payload))
del m
print(sys.getrefcount(payload))
print(sys.getrefcount(n))
