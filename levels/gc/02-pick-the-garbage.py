import gc
class Node:
    pass
keep = Node()
keep.me = keep
left = Node()
right = Node()
left.other = right
right.other = left
del left, right
print(gc.collect())
print(keep.me is keep)
