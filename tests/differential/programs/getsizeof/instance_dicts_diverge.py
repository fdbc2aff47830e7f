# Instances of one class share their attribute names while they store them in the same
# order. What happens to each __dict__ when one instance goes its own way?
import sys
S = sys.getsizeof

class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

a = Point(1, 2)
b = Point(3, 4)
print("alike      ", S(a.__dict__), S(b.__dict__))
b.z = 5
print("b adds z   ", S(a.__dict__), S(b.__dict__))
a.w = 6
print("a adds w   ", S(a.__dict__), S(b.__dict__))
c = Point(7, 8)
print("new point  ", S(c.__dict__), list(c.__dict__))

class Box:
    def __init__(self):
        self.size = 1
        self.label = "box"

boxes = [Box() for _ in range(3)]
del boxes[0].label
print("after del  ", [S(x.__dict__) for x in boxes], S(Box().__dict__))

class Wide:
    def __init__(self):
        for i in range(7):
            setattr(self, "f" + str(i), i)

print("seven attrs", S(Wide().__dict__), S(Wide().__dict__))
