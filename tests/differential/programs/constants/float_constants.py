x = 0.5
y = 0.5
print(x is y)
z = float('0.5')
print(z is x, z == x)
w = 1 / 2
print(w == x, w is x)
v = 0.25 + 0.25
print(v is x)
