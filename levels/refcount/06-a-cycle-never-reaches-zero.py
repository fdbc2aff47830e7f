import sys
class Node:
    pass
a = Node()
b = Node()
a.partner = b
b.partner = a
print(sys.getrefcount(a))
del b
print(sys.getrefcount(a))
print(a.partner.partner is a)
