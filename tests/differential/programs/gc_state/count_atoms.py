import gc
# ints, floats and strings are not GC objects: they do not move the count.
gc.collect()
c0 = gc.get_count()
n = 10 ** 30 + len('x')
f = 1.5 * n
s = 'abc' * len('xy')
c1 = gc.get_count()
print(c0, c1)
