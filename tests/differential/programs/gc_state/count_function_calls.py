import gc
def work():
    x = 1
    return x + 1
gc.collect()
c0 = gc.get_count()
work()
c1 = gc.get_count()
work()
c2 = gc.get_count()
print(c0, c1, c2)
