# A call that fails while binding its arguments must not release the function it was calling.
def risky(kind):
    if kind == 1:
        return risky()
    if kind == 2:
        return risky(1, 2)
    if kind == 3:
        return risky(kind=1, other=2)
    return "ok"
for k in range(1, 5):
    try:
        print(k, risky(k))
    except TypeError as e:
        print(k, e)
for k in range(1, 4):
    try:
        risky(k)
    except TypeError:
        pass
print(risky(0), k)
