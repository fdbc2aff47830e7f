def counter(limit):
    n = 0
    while n < limit:
        yield n
        n += 1
c = counter(3)
for v in c:
    print(v)
print(list(c))
c2 = counter(5)
print(next(c2), next(c2))
print(list(c2))
