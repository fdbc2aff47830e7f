class Point:
    __slots__ = ('x', 'y')
p = Point()
p.x = 5
print(hasattr(p, 'x'), hasattr(p, 'y'))
try:
    print(p.y)
except AttributeError as e:
    print('AttributeError:', e)
del p.x
print(hasattr(p, 'x'))
