def countdown(n):
    while n > 0:
        yield n
        n -= 1
    return 'done'
print(list(countdown(3)))
g = countdown(2)
print(next(g), next(g))
try:
    next(g)
except StopIteration as e:
    print('stop', e.value)
def acc():
    total = 0
    while True:
        x = yield total
        if x is None:
            break
        total += x
a = acc()
print(next(a), a.send(5), a.send(10))
def squares(n):
    for i in range(n):
        yield i * i
print(sum(squares(5)), max(squares(4)), list(x for x in squares(6) if x % 2))
def guarded():
    try:
        yield 1
        yield 2
    finally:
        print('cleanup')
g = guarded()
print(next(g))
g.close()
print('after close')
gen = (c.upper() for c in 'abc')
print(next(gen), list(gen), list(gen))
