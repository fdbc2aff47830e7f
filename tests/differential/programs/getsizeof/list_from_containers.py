import sys
print(sys.getsizeof(list('abc')), sys.getsizeof(list((1, 2, 3))))
print(sys.getsizeof(list({1, 2, 3})), sys.getsizeof(list({'a': 1})))
print(sys.getsizeof(sorted([3, 1, 2])), sys.getsizeof('a b c'.split()))
print(sys.getsizeof(list(x for x in range(5))))
