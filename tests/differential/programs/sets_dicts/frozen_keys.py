fs = frozenset([1, 2])
d = {fs: 'pair', (1, 2): 'tuple'}
print(d[frozenset([2, 1])], d[(1, 2)])
try:
    d[[1, 2]] = 'list'
except TypeError as e:
    print('TypeError:', e)
try:
    s = {[1]}
except TypeError as e:
    print('TypeError:', e)
