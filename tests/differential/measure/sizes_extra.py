# Generator, instance-__dict__ and string edge cases of sys.getsizeof.
import sys
S = sys.getsizeof
def g0():
    yield 1
def g1(a):
    yield a
def g3(a, b, c):
    x = a + b
    yield x + c
def gloop(n):
    for i in range(n):
        yield i
print("gen no locals", S(g0()))
print("gen 1 arg", S(g1(1)))
print("gen 3 args + local", S(g3(1, 2, 3)))
print("gen for-loop", S(gloop(3)))
print("genexpr simple", S(x for x in range(3)))
print("genexpr x*2", S(x * 2 for x in range(3)))
print("genexpr cond", S(x for x in range(3) if x > 1))
print("genexpr nested", S(x + y for x in range(3) for y in range(2)))
g = g0(); next(g); print("gen after next", S(g))
g = g0(); list(g); print("gen exhausted", S(g))
class E:
    pass
class C:
    def __init__(self):
        self.a = 1
        self.b = 2
for n in range(0, 13):
    o = E()
    for i in range(n):
        setattr(o, 'a' + str(i), i)
    print(f"E with {n} attrs: inst {S(o)} dict {S(o.__dict__)}")
c1 = C(); c2 = C()
print("C first inst dict", S(c1.__dict__), "second", S(c2.__dict__))
d = c1.__dict__; c1.z = 5; print("C dict after new attr", S(d))
print("'é' literal", S('é'), "'é'+''", S('é' + 'x'[:0]), "chr(233)", S(chr(233)), "'éé'", S('éé'))
print("'a' literal", S('a'), "chr(97)", S(chr(97)))
print("str(12345)", S(str(12345)), "repr(1.5)", S(repr(1.5)))
print("f-string 'x=1'", S(f"x={1}"))
print("str upper", S('abc'.upper()))
s = 'hello world'
print("'hello world'", S(s), "after hash", S(s))
