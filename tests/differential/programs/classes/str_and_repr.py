class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def __repr__(self):
        return 'Point(' + str(self.x) + ', ' + str(self.y) + ')'
p = Point(1, 2)
print(p)
print([p, Point(3, 4)])
print(str(p), repr(p))
class Named:
    def __str__(self):
        return 'named'
print(Named(), str(Named()))
