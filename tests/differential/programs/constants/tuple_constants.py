def make():
    return (1, 'two', 3.0)
a = make()
b = make()
print(a is b)
c = (1, 'two', 3.0)
print(a is c)
n = 1
d = (n, 'two', 3.0)
print(d == a, d is a)
