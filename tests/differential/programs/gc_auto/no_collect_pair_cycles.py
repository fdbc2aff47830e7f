import gc
gc.set_threshold(5, 2, 2)

class Pair:
    def __init__(self, i):
        self.i = i
        self.other = None
    def __del__(self):
        print('del pair', self.i)

for i in range(6):
    a = Pair(i)
    b = Pair(i + 100)
    a.other = b
    b.other = a
    del a, b
print('loop over', gc.get_count())
