import sys
n = 5
print('literal', sys.getsizeof([0, 1, 2, 3, 4]))
print('repeat', sys.getsizeof([0] * n))
print('range', sys.getsizeof(list(range(n))))
print('comprehension', sys.getsizeof([i for i in range(n)]))
a = []
for i in range(n):
    a.append(i)
print('appended', sys.getsizeof(a))
print('copy', sys.getsizeof(a.copy()), 'slice', sys.getsizeof(a[:]))
print('list()', sys.getsizeof(list(a)))
print('concat', sys.getsizeof(a + a))
