class Buffer:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print('freed', self.n)
class Pool:
    def __init__(self, limit):
        self.items = []
        self.limit = limit
    def release(self, obj):
        if len(self.items) < self.limit:
            self.items.append(obj)
def fill(pool):
    for n in range(4):
        pool.release(Buffer(n))
pool = Pool(2)
fill(pool)
print(len(pool.items))
pool.items.clear()
print('pool emptied')
