def show(first, *rest, **opts):
    return first, rest, opts
def total(*nums):
    return sum(nums)
def pair(a, b, **opts):
    return a, b, opts
tests = [lambda: show(), lambda: show(1, first=2), lambda: total(x=1), lambda: pair(1),
         lambda: pair(1, 2, 3), lambda: pair(1, 2, a=3), lambda: pair(1, b=2, c=3, b2=4)]
for t in tests:
    try:
        print(t())
    except TypeError as e:
        print("TypeError:", e)
pair(1, 2, 3, x=1)
