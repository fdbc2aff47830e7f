lst = [3, 1, 4, 1, 5, 9, 2, 6]
lst.append(5)
lst.insert(0, 0)
lst.extend([7, 8])
print(lst, lst.count(1), lst.index(4), len(lst))
lst.remove(1)
print(lst.pop(), lst.pop(0), lst)
lst.sort()
print(lst, sorted(lst, reverse=True), sorted(['bb', 'a', 'ccc'], key=len))
lst.reverse()
print(lst, lst[2:5], lst[::-2], lst[-1], min(lst), max(lst), sum(lst))
d = {'a': 1, 'b': 2}
d['c'] = 3
print(d, d.get('z'), d.get('z', 0), d.keys(), list(d.values()), list(d.items()))
print(d.pop('a'), d.setdefault('e', 5), d, 'b' in d, len(d))
d.update({'f': 6}, g=7)
print(d, {k: v * 2 for k, v in d.items() if v > 2})
del d['b']
print(sorted(d), dict(zip('xy', [1, 2])), dict.fromkeys([1, 2], 0))
s = {1, 2, 3}
s.add(4)
s.discard(10)
print(s, s | {5}, s & {2, 3, 9}, s - {1}, s ^ {1, 9}, {x % 3 for x in range(10)}, len(s))
print(s.issubset({1, 2, 3, 4, 5}), {1, 2} < s, frozenset([1, 2]) == {1, 2}, set(), set('aab'))
t = (1, 2, 3)
a, b, c = t
x, y = y_x = 10, 20
print(a + b + c, t[1:], t * 2, t.index(2), t.count(3), x, y, y_x, (1,), ())
for i, (p, q) in enumerate([(1, 'a'), (2, 'b')]):
    print(i, p, q)
