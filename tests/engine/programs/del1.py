class D:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print('del', self.name)
a = D('a')
b = a
del a
print('after del a')
del b
print('after del b')
c = D('c')
c = D('c2')
print('rebound')
lst = [D('l1'), D('l2'), D('l3')]
del lst
print('list gone')
dct = {'x': D('dx'), 'y': D('dy')}
dct.clear()
print('dict cleared')
def scope():
    local = D('local')
    print('in scope')
scope()
print('after scope')
D('temp')
print('after temp')
t = (D('t1'), D('t2'))
t = None
print('tuple gone')
o = D('outer')
o.child = D('child')
del o
print('end')
