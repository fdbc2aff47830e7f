words = ['banana', 'Apple', 'cherry', 'date']
print(sorted(words))
print(sorted(words, key=len))
print(sorted(words, key=lambda w: w.lower()))
pairs = [(2, 'b'), (1, 'z'), (2, 'a')]
print(sorted(pairs))
print(max(words, key=len), min(pairs))
