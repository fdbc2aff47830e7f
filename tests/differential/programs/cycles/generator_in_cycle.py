import gc
def counter():
    n = 0
    while True:
        yield n
        n += 1
gc.collect()
g = counter()
print(next(g), next(g))
holder = [g]
holder.append(holder)
del g, holder
print(gc.collect())
