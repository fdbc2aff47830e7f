import sys
class Point:
    __slots__ = ('x', 'y')
class Single:
    __slots__ = ('v',)
class NoSlots:
    __slots__ = ()
print(sys.getrefcount(Point), sys.getrefcount(Single), sys.getrefcount(NoSlots))
p = Point()
print(sys.getrefcount(Point))
