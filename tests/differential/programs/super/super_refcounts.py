# The __class__ cell of a class whose methods call super() holds the class (+1), and
# the call through super() holds self differently on 3.10 (a bound method) and 3.11+.
import sys
class A:
    def __init__(self, x):
        self.x = x
        print("in A.__init__", sys.getrefcount(self))
    def hello(self):
        return sys.getrefcount(self)
class B(A):
    def __init__(self, x, y):
        super().__init__(x)
        self.y = y
    def hello(self):
        return super().hello(), sys.getrefcount(self)
class C(A):
    pass
print(sys.getrefcount(B) - sys.getrefcount(C))
b = B(1, 2)
print(b.hello(), b.x, b.y)
