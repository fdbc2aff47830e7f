a, b = 1, 2
a, b = b, a
print(a, b)
first, (second, third) = 1, (2, 3)
print(first, second, third)
for i, (k, v) in enumerate({'x': 1, 'y': 2}.items()):
    print(i, k, v)
x = y = z = 0
print(x, y, z)
