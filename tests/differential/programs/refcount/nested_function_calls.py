import sys
def level3(x):
    return sys.getrefcount(x)
def level2(x):
    return level3(x)
def level1(x):
    return level2(x)
obj = []
print(level3(obj), level2(obj), level1(obj))
print(sys.getrefcount(obj))
