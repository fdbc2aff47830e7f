import copy
s = {1, 2, 3}
c = s.copy()
c.add(4)
print(sorted(s), sorted(c))
f = frozenset(s)
print(copy.copy(f) is f, f.copy() is f)
