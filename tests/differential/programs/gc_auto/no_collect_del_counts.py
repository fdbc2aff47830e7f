import gc
gc.set_threshold(5, 2, 2)
class A:
    def __init__(self, i):
        self.i = i
        self.me = self
    def __del__(self):
        print('del', self.i, gc.get_count())
for i in range(12):
    A(i)
print('after', gc.get_count())
lst = []
for i in range(10):
    lst.append(i)
print(gc.get_count(), gc.is_tracked(lst))
