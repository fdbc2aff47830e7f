import sys
a = 'abc_123'
b = 'abc_' + '123'
print(a is b)
c = 'hello world'
d = 'hello world'
print(c is d)
def f():
    return 'hello world'
print(f() is c)
e = ''.join(['abc_', '123'])
print(e is a, sys.intern(e) is a)
g = 'x'
h = 'xyz'[0]
print(g is h)
i = str(12)
j = '12'
print(i is j, i == j)
k = 'a' * 20
m = 'aaaaaaaaaaaaaaaaaaaa'
print(k is m)
n = '!' * 3
o = '!!!'
print(n is o)
