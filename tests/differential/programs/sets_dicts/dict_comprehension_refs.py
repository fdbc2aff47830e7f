import sys
value = []
d = {k: value for k in range(3)}
print(sys.getrefcount(value))
d2 = {k: [] for k in range(3)}
print(d2[0] is d2[1])
