d = {1: 'int'}
d[1.0] = 'float'
d[True] = 'bool'
print(d)
print(len({1, 1.0, True}))
for k in d:
    print(type(k).__name__)
