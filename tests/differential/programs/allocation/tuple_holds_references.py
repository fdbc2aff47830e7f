# A tuple is immutable, but the objects it refers to may not be.
inner = [1, 2]
t = (inner, 'x')
inner.append(3)
print(t)
print(t[0] is inner)
try:
    t[0] = []
except TypeError as e:
    print('TypeError:', e)
t[0].append(4)
print(t, len(t[0]))
