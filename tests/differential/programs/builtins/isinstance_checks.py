values = [1, 1.0, 'a', [1], (1,), {1: 1}, {1}, None, True]
for v in values:
    print(type(v).__name__, isinstance(v, int), isinstance(v, (list, tuple)))
