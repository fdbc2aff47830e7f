# Ints from -5 to 256 come from one cache; results computed at runtime outside it are new objects.
base = 250
for step in (5, 6, 7):
    a = base + step
    b = base + step
    print(a, a is b)
low = -3
for step in (2, 3):
    a = low - step
    b = low - step
    print(a, a is b)
