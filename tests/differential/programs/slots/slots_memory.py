import sys
class Plain:
    def __init__(self):
        self.a = 1
        self.b = 2
        self.c = 3
class Lean:
    __slots__ = ('a', 'b', 'c')
    def __init__(self):
        self.a = 1
        self.b = 2
        self.c = 3
p = Plain()
q = Lean()
print(sys.getsizeof(q))
print(sys.getsizeof(p) + sys.getsizeof(p.__dict__) > sys.getsizeof(q))
print(getattr(q, 'b'), getattr(p, 'c'))
