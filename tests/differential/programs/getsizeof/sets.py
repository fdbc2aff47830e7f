import sys
s = set()
last = sys.getsizeof(s)
print(0, last)
for i in range(25):
    s.add(i)
    if sys.getsizeof(s) != last:
        last = sys.getsizeof(s)
        print(len(s), last)
print(sys.getsizeof(frozenset()), sys.getsizeof(frozenset(range(10))))
print(sys.getsizeof({1, 2, 3}), sys.getsizeof({1, 2, 3, 4, 5}), sys.getsizeof(set([1, 2, 3])))
