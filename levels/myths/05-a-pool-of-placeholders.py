class Pool:
    def __init__(self, size):
        self.slots = [None] * size
        self.taken = 0
    def take(self):
        if self.taken < len(self.slots):
            obj = self.slots[self.taken]
            self.taken += 1
            return obj
        return []
pool = Pool(2)
first = pool.take()
print(first is None)
second = pool.take()
third = pool.take()
print(third is None)
