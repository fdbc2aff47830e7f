def numbers():
    print('start')
    yield 1
    print('middle')
    yield 2
    print('end')
g = numbers()
print('created')
print(next(g))
print(next(g))
try:
    next(g)
except StopIteration:
    print('stopped')
