import sys
R = sys.getrefcount
shared = []
class K:
    attr = shared
    def __init__(self):
        self.own = shared
print(R(shared))
k1 = K()
k2 = K()
print(R(shared), k1.attr is k2.attr, k1.own is K.attr)
K.attr = None
print(R(shared))
del k1
print(R(shared))
print(R(K))
k3 = K()
print(R(K))
class S:
    __slots__ = ('a', 'b')
    def __init__(self):
        self.a = shared
s = S()
print(R(shared), hasattr(s, 'b'), hasattr(s, 'a'))
s.b = shared
print(R(shared))
del s.a
print(R(shared))
