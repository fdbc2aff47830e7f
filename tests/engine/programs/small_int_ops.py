x = 100
y = 50 + 50
print(x is y)
big = 10 ** 3
big2 = 1000
print(big is big2, big == big2)
n = 0
for i in range(300):
    n += 1
print(n, n == 300)
m = 0
for i in range(200):
    m += 1
print(m == 200)
lst = [256, 257]
print(lst[0] == 256)
print(int('5') == 5)
t = 2 ** 8
print(t == 256)
