import sys
x = 1
print(sys.getsizeof([]), sys.getsizeof([1]), sys.getsizeof([1, 2]), sys.getsizeof([1, 2, 3]))
print(sys.getsizeof([x, x, x]), sys.getsizeof([1, 2, x]), sys.getsizeof(['a', 'b', 'c', 'd', 'e']))
print(sys.getsizeof([[], [], []]))
