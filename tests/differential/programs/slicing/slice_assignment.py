a = [0, 1, 2, 3, 4]
a[1:3] = ['x', 'y', 'z']
print(a)
a[::2] = [9, 9, 9]
print(a)
a[:] = []
print(a)
b = [1, 2, 3]
b[len(b):] = [4, 5]
print(b)
try:
    b[::2] = [0]
except ValueError as e:
    print('ValueError:', e)
