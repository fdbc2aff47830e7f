# Which __del__ run at interpreter exit, and in which order.
class D:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)
zeta = D('zeta')
alpha = D('alpha')
_under = D('_under')
holder = [D('in-list-1'), D('in-list-2')]
cyc = D('cycle'); cyc.me = cyc
del cyc
cyc2 = D('cycle-alive'); cyc2.me = cyc2
shared = D('shared')
other = shared
def fn():
    pass
fn.attr = D('function-attr')
class K:
    pass
K.cls_attr = D('class-attr')
inst = K()
inst.x = D('instance-attr')
print("end of program")
