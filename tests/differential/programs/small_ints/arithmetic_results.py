x = 255
y = x + 1
z = 256
print(y is z)
y2 = x + 2
z2 = 257
print(y2 == z2, y2 is z2)
w = 100
print(w * 2 is 200 + 0 * w)
print((w * 3) is (w * 3))
