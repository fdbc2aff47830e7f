class D:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print('del', self.n)
l = [D(1), D(2), D(3), D(4)]
del l[1:3]
print('sliced')
l.pop()
print('popped')
d = {'a': D('a'), 'b': D('b')}
del d['a']
print('deleted key')
d['b'] = D('b2')
print('replaced')
t = [D('x')] * 2
t = []
print('shared gone')
def f():
    a = D('fa')
    b = D('fb')
    return 0
f()
print('returned')
