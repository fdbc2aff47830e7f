import sys
print(sys.getsizeof({}), sys.getsizeof(dict()))
print(sys.getsizeof({'a': 1}), sys.getsizeof({1: 'a'}))
print(sys.getsizeof({'a': 1, 'b': 2, 'c': 3, 'd': 4, 'e': 5, 'f': 6}))
print(sys.getsizeof(dict(a=1, b=2)))
big = {i: i for i in range(10)}
print(sys.getsizeof(big), sys.getsizeof(big.copy()), sys.getsizeof(dict(big)))
for i in range(8):
    del big[i]
print(sys.getsizeof(big))
big.clear()
print(sys.getsizeof(big))
