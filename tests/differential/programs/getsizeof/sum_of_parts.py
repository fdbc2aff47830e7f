import sys
words = ['alpha', 'beta', 'gamma']
shallow = sys.getsizeof(words)
deep = shallow + sum(sys.getsizeof(w) for w in words)
print(shallow, deep)
nested = {'a': [1, 2], 'b': [3]}
total = sys.getsizeof(nested)
for k in nested:
    total += sys.getsizeof(k) + sys.getsizeof(nested[k])
print(total)
