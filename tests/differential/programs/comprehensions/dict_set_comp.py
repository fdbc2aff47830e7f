words = ['apple', 'bob', 'cat', 'apple']
lengths = {w: len(w) for w in words}
print(lengths)
unique_lengths = {len(w) for w in words}
print(sorted(unique_lengths))
inverted = {v: k for k, v in {'a': 1, 'b': 2}.items()}
print(inverted)
