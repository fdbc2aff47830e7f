items = list(range(100))
lookup = set(items)
print(99 in items, 99 in lookup, 100 in lookup)
table = dict.fromkeys(items, True)
print(len(table), table[42])
words = ['apple', 'pear', 'apple', 'fig', 'pear']
counts = {}
for w in words:
    counts[w] = counts.get(w, 0) + 1
print(counts)
