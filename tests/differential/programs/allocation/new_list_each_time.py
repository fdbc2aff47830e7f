# Each list display builds a new object, even when the contents are equal.
a = [1, 2, 3]
b = [1, 2, 3]
print(a == b, a is b)
c = a
print(c is a, id(c) == id(a), id(a) == id(b))
empty1 = []
empty2 = []
print(empty1 is empty2)
x = y = []
x.append('shared')
print(y, x is y)
