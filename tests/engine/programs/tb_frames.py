class D:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print('del', self.n)
def work():
    local = D('local')
    raise ValueError('boom')
try:
    work()
except ValueError:
    print('caught')
print('after handler')
def work2():
    x = D('kept')
    raise KeyError('k')
saved = None
try:
    work2()
except KeyError as e:
    saved = e
print('saved', type(saved).__name__)
saved = None
print('cleared')
