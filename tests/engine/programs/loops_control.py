for i in range(3):
    for j in range(3):
        if j == 2:
            break
        if i == j:
            continue
        print(i, j)
else:
    print('outer done')
k = 0
while k < 5:
    k += 1
    if k == 3:
        continue
    if k == 10:
        break
else:
    print('while done', k)
found = None
for x in [4, 6, 9, 10]:
    if x % 2:
        found = x
        break
else:
    found = -1
print(found)
evens = [n for n in range(20) if n % 2 == 0 if n % 3 == 0]
pairs = [(a, b) for a in range(3) for b in range(a)]
print(evens, pairs)
print([[r * c for c in range(3)] for r in range(3)])
print(any(x > 5 for x in [1, 7]), all([]), any([]), all(x for x in [1, 0]))
print(1 < 2 < 3, 1 < 3 < 2, 0 or 'x', '' and 'y', None or 0 or [], 3 and 4, not 0)
