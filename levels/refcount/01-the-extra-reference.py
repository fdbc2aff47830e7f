import sys
box = []
print(sys.getrefcount(box))
other = box
print(sys.getrefcount(box))
