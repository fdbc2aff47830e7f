class Pool:
    def __init__(self):
        self.free = []
    def acquire(self):
        if self.free:
            return self.free.pop()
        return [0] * 4
    def release(self, buf):
        self.free.append(buf)
pool = Pool()
first = pool.acquire()
pool.release(first)
second = pool.acquire()
print(second is first)
third = pool.acquire()
print(third is first)
