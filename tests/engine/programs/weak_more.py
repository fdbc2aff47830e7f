import weakref
import gc
class N:
    pass
order = []
n = N()
refs = [weakref.ref(n, lambda r, i=i: order.append(i)) for i in range(3)]
del n
print(order)
m = N()
m.me = m
w = weakref.ref(m, lambda r: print('cb in gc'))
del m
print('before collect')
print(gc.collect())
print(w())
class WithDel:
    def __del__(self):
        print('del first')
x = WithDel()
r = weakref.ref(x, lambda ref: print('then callback', ref()))
del x
print('end')
