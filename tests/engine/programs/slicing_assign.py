a = list(range(10))
a[2:5] = ['x', 'y']
print(a)
a[::3] = [0, 0, 0]
print(a)
del a[1::2]
print(a)
del a[:2]
print(a)
a[len(a):] = [99]
print(a, a[-2:], a[:-2], a[100:], a[-100:2])
b = [1, 2, 3]
b[1:2] = []
print(b)
c = [[0] * 2] * 2
c[0][0] = 5
print(c)
m = [[0] * 2 for _ in range(2)]
m[0][0] = 5
print(m)
s = 'abcdefg'
print(s[1:6:2], s[::-3], s[5:1:-1], s[:0])
n = [1, 2, 3, 4]
n[1], n[2] = n[2], n[1]
print(n)
i = 0
n[i], i = 10, 1
print(n, i)
