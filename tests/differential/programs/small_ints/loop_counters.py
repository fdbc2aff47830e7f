# Loop counters are cached ints while small; larger ones are fresh each time.
seen = []
for i in range(254, 260):
    seen.append(i)
again = []
for i in range(254, 260):
    again.append(i)
print([a is b for a, b in zip(seen, again)])
print([a == b for a, b in zip(seen, again)])
