t = True
print(t + t, t * 10, t is (1 == 1))
print(int(True) is 1 + 0 * len([]))
x = -5
y = -10 + 5
print(x is y)
z = -6
w = -12 + 6
print(z == w, z is w)
