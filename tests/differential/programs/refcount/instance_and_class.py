import sys
class Item:
    pass
before = sys.getrefcount(Item)
items = [Item() for _ in range(5)]
print(sys.getrefcount(Item) - before)
del items[0]
print(sys.getrefcount(Item) - before)
items = []
print(sys.getrefcount(Item) - before)
