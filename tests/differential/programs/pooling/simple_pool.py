class Bullet:
    def __init__(self):
        self.active = False
class Pool:
    def __init__(self, size):
        self.free = [Bullet() for _ in range(size)]
    def acquire(self):
        if self.free:
            return self.free.pop()
        return Bullet()
    def release(self, b):
        b.active = False
        self.free.append(b)
pool = Pool(2)
a = pool.acquire()
b = pool.acquire()
c = pool.acquire()
print(len(pool.free))
pool.release(a)
d = pool.acquire()
print(d is a, d is c)
