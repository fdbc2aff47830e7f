def make_counter():
    count = [0]
    def inc():
        count[0] += 1
        return count[0]
    return inc
c = make_counter()
print(c(), c(), c())
def adders():
    fs = []
    for i in range(3):
        fs.append(lambda x, i=i: x + i)
    return fs
print([f(10) for f in adders()])
def outer(x):
    def middle(y):
        def inner(z):
            return x + y + z
        return inner
    return middle
print(outer(1)(2)(3))
total = 0
def add(n):
    global total
    total += n
add(5)
add(7)
print(total)
