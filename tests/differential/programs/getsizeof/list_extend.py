import sys
for n in range(0, 9):
    a = []
    a.extend(range(n))
    b = [1, 2, 3]
    b.extend(range(n))
    print(n, sys.getsizeof(a), sys.getsizeof(b))
c = [1, 2, 3]
c += [4, 5]
print(sys.getsizeof(c))
