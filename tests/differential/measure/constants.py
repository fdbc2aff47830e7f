# Identity and refcounts of constants: code-object sharing, the parser arena, interning.
import sys
R = sys.getrefcount
a = 1000
b = 1000
print("1000 is 1000 (module, two assignments):", a is b, R(a))
def f():
    return 1000
print("module 1000 is f() 1000:", a is f())
def g():
    c = 1000
    return c
print("f() is g():", f() is g())
def h():
    x = 'hello world!'
    return R(x)
print("R of const in function:", h())
def h2():
    x = 12345
    return R(x)
print("R of int const only in function:", h2())
x = 12345
print("R 12345 (also in h2):", R(x))
def h3():
    return 12345
print("module 12345 is h3():", x is h3())
print("int('1000') is int('1000'):", int('1000') is int('1000'))
print("255+1 is 256:", 255 + 1 is 256)
p = 255
q = p + 1
print("runtime 255+1 is 256:", q is 256)
q2 = p + 2
print("runtime 255+2 is 257:", q2 is 257)
r = 256 + 1
print("folded 256+1 is 257:", r is 257)
print("-5 from runtime:", (p - 260) is -5, "-6 from runtime:", (p - 261) is -6)
s1 = 'hello'
s2 = 'hel' + 'lo'
print("'hello' is 'hel'+'lo' (folded):", s1 is s2)
part = 'hel'
s3 = part + 'lo'
print("'hello' is runtime concat:", s1 is s3)
print("sys.intern(runtime) is const:", sys.intern(s3) is s1)
w1 = 'hello world'
w2 = 'hello world'
print("'hello world' twice in module:", w1 is w2)
def wf():
    return 'hello world'
print("'hello world' module vs function:", w1 is wf())
w3 = ' '.join(['hello', 'world'])
print("'hello world' vs runtime:", w1 is w3)
print("'' is ''[:0] runtime:", '' is 'abc'[:0])
print("'a' is 'abc'[0]:", 'a' is 'abc'[0])
print("'é' is chr(233):", 'é' is chr(233))
print("chr(300) is chr(300):", chr(300) is chr(300))
print("() is tuple():", () is tuple())
t1 = (1, 2)
t2 = (1, 2)
print("(1,2) is (1,2) in module:", t1 is t2)
def tf():
    return (1, 2)
print("(1,2) module vs function:", t1 is tf())
lst = [1, 2]
print("tuple(lst) is tuple(lst):", tuple(lst) is tuple(lst))
f1 = 1.5
f2 = 1.5
print("1.5 is 1.5:", f1 is f2)
print("float('1.5') is float('1.5'):", float('1.5') is float('1.5'))
print("[] is []:", [] is [])
xx = yy = []
print("x = y = []:", xx is yy)
print("True is (1 == 1):", True is (1 == 1))
big1 = 2 ** 100
big2 = 2 ** 100
print("2**100 folded twice:", big1 is big2)
print("bool(1) is True:", bool(1) is True)
print("None is None:", None is None)
print("str(5) is '5':", str(5) is '5')
print("str(50) is '50':", str(50) is '50')
print("'ab'*2 is 'abab':", 'ab' * 2 is 'abab')
n = 2
print("'ab'*n is 'abab':", 'ab' * n is 'abab')
print("'a'*30 is 'a'*30 (folded):", 'a' * 30 is 'a' * 30)
print("'a'*5000 folded len:", len('a' * 5000))
k1 = 'a' * 4097
k2 = 'a' * 4097
print("'a'*4097 twice:", k1 is k2)
j1 = 'a' * 4096
j2 = 'a' * 4096
print("'a'*4096 twice:", j1 is j2)
d1 = 'x' * 21
d2 = 'x' * 21
print("'x'*21 twice:", d1 is d2)
sp1 = 'with space'
sp2 = 'with' + ' space'
print("'with space' vs folded concat:", sp1 is sp2)
m1 = 'id_like'
m2 = ''.join(['id_', 'like'])
print("id_like vs join:", m1 is m2)
print("f'{1}' is '1':", f'{1}' is '1')
name = 'bob'
print("f'{name}' is name:", f'{name}' is name)
print("str(name) is name:", str(name) is name)
print("name[:] is name:", name[:] is name)
print("lst[:] is lst:", lst[:] is lst)
tt = (1, 2, 3)
print("tt[:] is tt:", tt[:] is tt, "tuple(tt) is tt:", tuple(tt) is tt)
print("int(300) from const:", int(x) is x)
fs = frozenset([1])
print("frozenset(fs) is fs:", frozenset(fs) is fs)
print("R 1000 const (a, b):", R(a))
print("R(1000) literal:", R(1000))
print("R(2**100):", R(big1))
print("R('hello world') w1,w2:", R(w1))
