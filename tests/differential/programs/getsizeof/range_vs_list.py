import sys
r = range(100000)
print(sys.getsizeof(r), sys.getsizeof(range(10)))
l = list(range(1000))
print(sys.getsizeof(l))
print(sys.getsizeof(tuple(range(1000))))
print(sys.getsizeof(set(range(100))))
