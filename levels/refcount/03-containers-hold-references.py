import sys
item = [0]
pair = [item, item]
print(sys.getrefcount(item))
lookup = {'first': item}
print(sys.getrefcount(item))
pair.clear()
print(sys.getrefcount(item))
