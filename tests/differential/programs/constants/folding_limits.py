# The compiler folds constant expressions, but only up to size limits.
a = 2 ** 64
b = 2 ** 64
print(a is b)
c = 2 ** 200
d = 2 ** 200
print(c is d, c == d)
s1 = 'ab' * 10
s2 = 'ab' * 10
print(s1 is s2)
t1 = (0,) * 3
t2 = (0,) * 3
print(t1 is t2)
