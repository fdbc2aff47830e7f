# A pool pre-filled with None hands out None, not objects.
class Broken:
    def __init__(self, size):
        self.items = [None] * size
    def get(self):
        return self.items.pop()
pool = Broken(3)
obj = pool.get()
print(obj)
print(obj is None)
try:
    obj.value = 1
except AttributeError as e:
    print('AttributeError:', e)
