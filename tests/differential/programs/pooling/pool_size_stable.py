import sys
class Particle:
    __slots__ = ('x', 'alive')
free = [Particle() for _ in range(4)]
print(sys.getsizeof(free))
used = []
for step in range(3):
    p = free.pop()
    p.alive = True
    used.append(p)
print(len(free), len(used), sys.getsizeof(free))
while used:
    free.append(used.pop())
print(len(free), sys.getsizeof(free))
