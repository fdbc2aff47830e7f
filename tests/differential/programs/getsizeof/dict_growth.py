import sys
d = {}
last = sys.getsizeof(d)
print(0, last)
for i in range(25):
    d[i] = i
    if sys.getsizeof(d) != last:
        last = sys.getsizeof(d)
        print(len(d), last)
