n = 27
steps = 0
while n != 1:
    if n % 2 == 0:
        n = n // 2
    else:
        n = 3 * n + 1
    steps += 1
print(steps)
i = 0
while True:
    i += 1
    if i > 5:
        break
    if i % 2:
        continue
    print('even', i)
found = None
for x in range(3):
    if x * x == 4:
        found = x
        break
print(found)
