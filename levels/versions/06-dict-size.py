import sys
print(sys.getsizeof({'a': 1}))
print(sys.getsizeof({}))
