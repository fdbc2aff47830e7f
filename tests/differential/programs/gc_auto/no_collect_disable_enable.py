import gc
gc.set_threshold(5, 2, 2)
gc.disable()

class R:
    def __init__(self, i):
        self.i = i
        self.r = self
    def __del__(self):
        print('R', self.i)

for i in range(6):
    R(i)
print('disabled, nothing collected yet')
gc.enable()
junk = [[] for _ in range(8)]
print('enabled again')
