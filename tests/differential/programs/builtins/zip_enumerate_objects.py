names = ['a', 'b', 'c']
ages = [1, 2]
z = zip(names, ages)
print(list(z))
print(list(z))
e = enumerate(names)
print(next(e), next(e))
print(list(e))
print(dict(zip(names, range(3))))
