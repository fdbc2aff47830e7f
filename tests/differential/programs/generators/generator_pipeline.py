def read(items):
    for i in items:
        yield i
def evens(source):
    for i in source:
        if i % 2 == 0:
            yield i
def doubled(source):
    for i in source:
        yield i * 2
print(list(doubled(evens(read(range(10))))))
total = 0
for v in doubled(evens(read([1, 2, 3, 4]))):
    total += v
print(total)
