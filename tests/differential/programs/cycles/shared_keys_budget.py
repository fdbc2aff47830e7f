import gc
class D:
    def __init__(self, name):
        self.name = name
first = D('first')
first.child = 1
first.other = 2
crowd = [D(i) for i in range(25)]
a = D('a')
b = D('b')
a.n = b
b.n = a
del a, b
print('collected', gc.collect())
c = D('c')
c.extra = c
del c
print('collected', gc.collect())
