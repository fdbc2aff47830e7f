def make_counter():
    count = 0
    def inc():
        nonlocal_box[0] += 1
        return nonlocal_box[0]
    nonlocal_box = [count]
    return inc
c = make_counter()
print(c(), c(), c())
d = make_counter()
print(d(), c())
