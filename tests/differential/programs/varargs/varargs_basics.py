def total(*nums):
    s = 0
    for n in nums:
        s += n
    return s
def show(first, *rest, **opts):
    return first, rest, opts
def describe(name, greeting="Hello", *extra, **info):
    line = f"{greeting}, {name}"
    for e in extra:
        line += f" +{e}"
    for k, v in sorted(info.items()):
        line += f" [{k}={v}]"
    return line
print(total(), total(1, 2, 3), total(*[4, 5]), total(*range(4)))
print(show(1), show(1, 2, 3), show(1, x=2), show(1, 2, y=3, z=4))
print(show(first=5), show(1, *"ab", **{"k": 1}))
print(describe("Ada"), describe("Bob", "Hi", "x", "y", age=3, city="Oslo"))
lam = lambda *a, **k: (a, k)
print(lam(), lam(1, b=2))
def wrap(func, *args, **kwargs):
    return func(*args, **kwargs)
print(wrap(max, 3, 7, 1), wrap(sorted, [3, 1], reverse=True), wrap(total))
def cap(*args):
    return lambda: args
print(cap(1, 2)())
def gen(*xs):
    for x in xs:
        yield x * 2
print(list(gen(1, 2, 3)), type(show(1)[1]).__name__, type(show(1)[2]).__name__)
