saved = []
class Phoenix:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print('finalizer', self.n)
        saved.append(self)
p = Phoenix(1)
del p
print('saved', len(saved), saved[0].n)
saved.clear()
print('cleared, no second finalizer')
