def apply_twice(f, x):
    return f(f(x))
def add_three(n):
    return n + 3
print(apply_twice(add_three, 1))
print(apply_twice(lambda s: s + '!', 'hi'))
compose = lambda f, g: lambda x: f(g(x))
inc_then_double = compose(lambda x: x * 2, lambda x: x + 1)
print(inc_then_double(5))
