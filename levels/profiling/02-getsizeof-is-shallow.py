import sys
short = ['a']
long = ['a' * 1000]
print(sys.getsizeof(short) == sys.getsizeof(long))
print(sys.getsizeof(long[0]))
