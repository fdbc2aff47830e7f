items = ['a', 1, None, 2.5]
for x in items:
    print(f'{x!r:>6}|{x!s:<6}|')
print(f'{items}')
print(f'{items!r}')
