d = {'x': 1, 'y': 2}
print(d.get('x'), d.get('z'), d.get('z', 0))
print(d.pop('x'), d)
d.update({'a': 5, 'y': 20})
print(d)
print(d.setdefault('b', 7), d.setdefault('a', 100))
print(sorted(d), len(d), 'a' in d, 5 in d)
d.clear()
print(d)
