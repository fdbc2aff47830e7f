# id() values are compared, never printed: they differ between runs.
a = [1]
b = a
c = [1]
print(id(a) == id(b), id(a) == id(c))
t = (a, b, c)
print([id(x) == id(a) for x in t])
print(len(set([id(a), id(b), id(c)])))
