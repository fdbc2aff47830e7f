import sys
small = [1]
big = [list(range(1000))]
print(sys.getsizeof(small) == sys.getsizeof(big))
print(sys.getsizeof(big[0]))
total = sys.getsizeof(big) + sys.getsizeof(big[0])
print(total)
