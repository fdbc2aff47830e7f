# 3.11+ CALL unpacks a bound method on the stack into function + self, so a temporary
# bound method no longer holds self during the call (3.10 keeps it).
import sys
class A:
    def m(self):
        return sys.getrefcount(self)
a = A()
f = a.m
print(f(), a.m())
print(getattr(a, "m")())
ms = [a.m]
print(ms[0]())
print((lambda: a.m)()())
