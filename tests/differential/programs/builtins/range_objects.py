r = range(2, 20, 4)
print(r, len(r), r[1], r[-1], 10 in r, 6 in r)
print(list(r), sorted(r, reverse=True))
print(range(5) == range(0, 5), list(range(0)))
