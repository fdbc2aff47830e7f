import gc
def gen():
    yield 1
g = gen()
print(gc.is_tracked(g))
print(type(g).__name__)
ge = (i for i in range(3))
print(type(ge).__name__, gc.is_tracked(ge))
