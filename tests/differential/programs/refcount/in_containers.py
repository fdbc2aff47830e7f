import sys
item = []
print(sys.getrefcount(item))
holder = [item]
print(sys.getrefcount(item))
pair = (item, item)
print(sys.getrefcount(item))
d = {'k': item, 'j': item}
print(sys.getrefcount(item))
holder.append(item)
print(sys.getrefcount(item))
del pair
print(sys.getrefcount(item))
d.clear()
print(sys.getrefcount(item))
holder.pop()
print(sys.getrefcount(item))
del holder
print(sys.getrefcount(item))
