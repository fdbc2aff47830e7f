import sys
small = range(10)
huge = range(10 ** 9)
print(sys.getsizeof(small) == sys.getsizeof(huge))
print(sys.getsizeof(list(small)))
print(len(huge))
