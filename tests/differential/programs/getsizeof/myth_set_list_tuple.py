import sys
# Three elements in three containers: a set is the biggest by far.
items = [1, 2, 3]
print('list', sys.getsizeof([1, 2, 3]))
print('tuple', sys.getsizeof((1, 2, 3)))
print('set', sys.getsizeof({1, 2, 3}))
print('set(items)', sys.getsizeof(set(items)))
