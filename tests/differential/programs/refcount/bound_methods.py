import sys
class Counter:
    def tick(self):
        return 1
c = Counter()
print(sys.getrefcount(c))
m1 = c.tick
print(sys.getrefcount(c))
m2 = c.tick
print(sys.getrefcount(c), m1 is m2, m1 == m2)
print(sys.getrefcount(m1))
del m1, m2
print(sys.getrefcount(c))
