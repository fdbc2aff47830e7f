class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def __repr__(self):
        return 'Vec(' + str(self.x) + ', ' + str(self.y) + ')'
    def __add__(self, other):
        return Vec(self.x + other.x, self.y + other.y)
    def __eq__(self, other):
        return self.x == other.x and self.y == other.y
    def __len__(self):
        return 2
    def __getitem__(self, i):
        return (self.x, self.y)[i]
    def __lt__(self, other):
        return (self.x, self.y) < (other.x, other.y)
a = Vec(1, 2)
b = Vec(3, 4)
print(a + b, a == Vec(1, 2), a != b, len(a), a[1])
print(sorted([b, a]), [v for v in a])
print(str(a), repr(b), f'{a}')
print(a < b, b > a, max(a, b))
try:
    hash(a)
except TypeError as e:
    print(e)
class Animal:
    sound = '...'
    def speak(self):
        return type(self).__name__ + ' says ' + self.sound
class Dog(Animal):
    sound = 'woof'
class Puppy(Dog):
    def speak(self):
        return Dog.speak(self) + '!'
print(Animal().speak(), Dog().speak(), Puppy().speak())
print(isinstance(Puppy(), Animal), isinstance(3, (str, int)), Dog.sound, Puppy.__mro__[1].__name__)
