import sys
print(sys.getsizeof(()))
for n in range(1, 6):
    print(n, sys.getsizeof(tuple(range(n))))
print(sys.getsizeof((1, 'a', [])))
