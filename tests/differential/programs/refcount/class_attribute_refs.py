import sys
shared = []
class Config:
    items = shared
print(sys.getrefcount(shared))
c = Config()
print(c.items is shared, sys.getrefcount(shared))
c.items = []
print(sys.getrefcount(shared))
Config.items = None
print(sys.getrefcount(shared))
