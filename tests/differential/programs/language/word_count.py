text = 'the quick brown fox jumps over the lazy dog the end'
counts = {}
for word in text.split():
    counts[word] = counts.get(word, 0) + 1
ordered = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
for word, n in ordered[:3]:
    print(word, n)
print(len(counts))
