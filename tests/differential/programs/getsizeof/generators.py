import sys
def gen():
    yield 1
def gen_arg(a):
    yield a
def gen_loop(n):
    for i in range(n):
        yield i
print(sys.getsizeof(gen()), sys.getsizeof(gen_arg(1)), sys.getsizeof(gen_loop(3)))
print(sys.getsizeof(x for x in range(3)))
print(sys.getsizeof(x * 2 for x in range(3)))
g = gen_loop(3)
next(g)
print(sys.getsizeof(g))
