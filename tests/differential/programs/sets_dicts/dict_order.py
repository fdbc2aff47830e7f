d = {}
d['b'] = 1
d['a'] = 2
d['c'] = 3
print(d)
del d['a']
d['a'] = 4
print(d)
print(list(d.keys()), list(d.values()), list(d.items()))
