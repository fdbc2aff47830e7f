import gc
class Res:
    def __init__(self, name, data):
        self.name = name
        self.data = data
    def __del__(self):
        print('finalize', self.name, len(self.data), self.peer.name)
gc.collect()
a = Res('a', [1, 2])
b = Res('b', [3])
a.peer = b
b.peer = a
del a, b
print(gc.collect())
