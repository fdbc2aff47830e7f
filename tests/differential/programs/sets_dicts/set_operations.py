a = {1, 2, 3, 4}
b = {3, 4, 5}
print(a | b, a & b, a - b, a ^ b)
print(3 in a, 9 in a)
a.add(10)
a.discard(1)
a.remove(2)
print(sorted(a))
print(len(a | b))
