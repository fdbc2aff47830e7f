# Equal constants in one file become one object in the code object's co_consts.
a = 257
b = 257
print(a is b)
c = 3.25
d = 3.25
print(c is d)
e = (1, 2, 3)
f = (1, 2, 3)
print(e is f)
