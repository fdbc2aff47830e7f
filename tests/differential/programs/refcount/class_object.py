import sys
class Empty:
    pass
print(sys.getrefcount(Empty))
a = Empty()
print(sys.getrefcount(Empty))
b = Empty()
print(sys.getrefcount(Empty))
del a
print(sys.getrefcount(Empty))
class Child(Empty):
    pass
print(sys.getrefcount(Empty), sys.getrefcount(Child))
