# == compares values, is compares identity.
a = [1, 2]
b = [1, 2]
print(a == b, a is b, a is not b)
x = None
print(x is None, x == None)
t1 = (1, 2)
t2 = tuple(a)
print(t1 == t2, t1 is t2)
f = 1.0
i = 1
print(f == i, f is i)
