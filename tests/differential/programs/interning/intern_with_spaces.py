import sys
x = sys.intern(' '.join(['a', 'b']))
y = sys.intern('a' + ' ' + 'b'[0:1])
print(x is y)
z = 'a b'
print(z is x)
