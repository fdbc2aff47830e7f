import sys
class Plain:
    def __init__(self, x, y):
        self.x = x
        self.y = y
class Slim:
    __slots__ = ('x', 'y')
    def __init__(self, x, y):
        self.x = x
        self.y = y
p = Plain(1, 2)
s = Slim(1, 2)
print(sys.getsizeof(p) == sys.getsizeof(s))
print(hasattr(p, '__dict__'))
print(hasattr(s, '__dict__'))
try:
    s.z = 3
except AttributeError:
    print('Slim has no room for z')
