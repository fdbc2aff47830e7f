import gc
gc.set_threshold(5, 2, 2)
class A:
    def __init__(self, i):
        self.i = i
        self.me = self
    def __del__(self):
        print('del', self.i, gc.get_count())
def make(n):
    for i in range(n):
        A(i)
make(7)
print('made', gc.get_count())
make(5)
print('made again', gc.get_count())
