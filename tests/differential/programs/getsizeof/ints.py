import sys
for n in [0, 1, -1, 255, 2 ** 30 - 1, 2 ** 30, 2 ** 60, 2 ** 100, -(2 ** 64)]:
    print(n, sys.getsizeof(n))
print(sys.getsizeof(True), sys.getsizeof(False))
