a = 256
b = 256
print(a is b)
c = 257
d = 257
print(c is d)
e = int('256')
f = int('257')
print(e is a, f is c)
g = 255 + 1
h = 256 + 1
print(g is a, h is c)
n = 200
print(n + 56 is a, n + 57 is c)
s1 = 'hello'
s2 = 'hel' + 'lo'
s3 = ''.join(['hel', 'lo'])
print(s1 is s2, s1 is s3, s1 == s3)
import sys
s4 = sys.intern(s3)
print(s4 is s1)
t1 = (1, 2)
t2 = (1, 2)
print(t1 is t2)
l1 = [1, 2]
l2 = [1, 2]
print(l1 is l2, l1 == l2)
x = -5
y = -5
print(x is y)
z = -6
w = -6
print(z is w)
u = 1.0
v = 1.0
print(u is v)
def k():
    return 'hello'
print(k() is s1, k() is k())
print(None is None, True is (1 == 1))
