import copy
inner = [0]
outer = [inner, inner]
d = copy.deepcopy(outer)
print(d[0] is d[1], d[0] is inner)
d[0].append(1)
print(d)
s = copy.copy(outer)
print(s[0] is s[1], s[0] is inner)
