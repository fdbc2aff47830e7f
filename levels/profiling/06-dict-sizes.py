import sys
empty = {}
print(sys.getsizeof(empty))
one = {'a': 1}
print(sys.getsizeof(one))
six = {'a': 1, 'b': 2, 'c': 3, 'd': 4, 'e': 5, 'f': 6}
print(sys.getsizeof(six))
