import copy
a = [[1, 2], [3, 4]]
b = copy.copy(a)
c = copy.deepcopy(a)
print(a == b == c, a is b, a[0] is b[0], a[0] is c[0])
b[0].append(9)
print(a, c)
class P:
    def __init__(self, items):
        self.items = items
p = P([1])
q = copy.copy(p)
r = copy.deepcopy(p)
print(q.items is p.items, r.items is p.items, r.items == p.items)
cyc = [1]
cyc.append(cyc)
dc = copy.deepcopy(cyc)
print(dc[1] is dc, dc is cyc)
t = (1, 2, [3])
print(copy.copy(t) is t, copy.deepcopy(t) is t)
d = {'k': [1]}
dd = copy.deepcopy(d)
print(dd['k'] is d['k'], copy.copy(d)['k'] is d['k'])
s = 'text'
print(copy.copy(s) is s, copy.deepcopy(s) is s)
