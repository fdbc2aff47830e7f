# Rebinding a name points it at another object; mutating changes the object itself.
a = [1, 2]
b = a
a = [3, 4]
print(a, b, a is b)
c = b
c[0] = 99
print(b, c)
n = 10
m = n
n += 1
print(n, m)
