import sys
x = 2.5
print(sys.getrefcount(x))
y = x
print(sys.getrefcount(x))
z = x * 2
print(sys.getrefcount(z))
w = float('2.5')
print(sys.getrefcount(w), w == x, w is x)
