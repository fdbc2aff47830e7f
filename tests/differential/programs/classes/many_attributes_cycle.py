import gc
class Wide:
    def __init__(self, n):
        for i in range(n):
            setattr(self, 'field' + str(i), i)
gc.collect()
w = Wide(5)
w.me = w
del w
print(gc.collect())
w = Wide(40)
w.me = w
del w
print(gc.collect())
