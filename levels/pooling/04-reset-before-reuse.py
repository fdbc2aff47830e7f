import sys
class Pool:
    def __init__(self, size):
        self.items = [[] for i in range(size)]
    def get(self):
        return self.items.pop()
    def put(self, item):
        item.clear()
        self.items.append(item)
pool = Pool(2)
buf = pool.get()
buf.append('data')
print(sys.getrefcount(buf))
pool.put(buf)
print(sys.getrefcount(buf))
print(len(buf))
