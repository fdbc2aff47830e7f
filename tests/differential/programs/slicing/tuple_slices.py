t = (1, 2, 3, 4, 5)
print(t[1:3], t[::-1], t[:0])
u = t[:]
print(u is t)
v = t[0:5]
print(v is t)
