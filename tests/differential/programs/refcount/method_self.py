import sys
class Box:
    def __init__(self):
        print('in __init__:', sys.getrefcount(self))
    def count(self):
        return sys.getrefcount(self)
b = Box()
print('one name:', sys.getrefcount(b))
print('in method:', b.count())
print('called on class:', Box.count(b))
m = b.count
print('bound method held:', sys.getrefcount(b))
print('through bound method:', m())
del m
print('released:', sys.getrefcount(b))
