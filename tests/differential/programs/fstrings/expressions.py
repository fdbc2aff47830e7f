items = [1, 2, 3]
d = {'k': 'v'}
print(f'{len(items)} items, last {items[-1]}, sum {sum(items)}')
print(f"{d['k']} {items[0] if items else None}")
print(f'{1/3:.2%} {1234567:,} {0.5:.1e}')
print(f'{True} {None} {[1, 2]} {(1,)}')
x = 7
print(f'x={x}')
