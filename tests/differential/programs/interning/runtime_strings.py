a = 'abc'
b = 'ABC'.lower()
print(a == b, a is b)
c = 'abcabc'[:3]
print(c is a)
d = 'a' + 'bc'
print(d is a)
e = f'{a}'
print(e is a)
