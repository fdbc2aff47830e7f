# list(iterator): iterators that know how many items are left pre-size the list exactly
# (rounded up to even); zip, enumerate and generators start from a guess of 8.
import sys
S = sys.getsizeof
print("n  iter  range  tuple  str | enum  zip  gen | keys  vals  items")
for n in (1, 2, 3, 5, 6, 9, 10):
    base = list(range(n))
    d = dict.fromkeys(base)
    known = [S(list(iter(base))), S(list(iter(range(n)))), S(list(iter(tuple(base)))), S(list(iter("x" * n)))]
    guessed = [S(list(enumerate(base))), S(list(zip(base, base))), S(list(x for x in base))]
    views = [S(list(d.keys())), S(list(d.values())), S(list(d.items()))]
    print(n, known, guessed, views)
grown = [1, 2, 3, 4, 5, 6, 7]
grown.extend(iter([8, 9]))
print(len(grown), S(grown))
grown.extend(iter({10, 11, 12}))
print(len(grown), S(grown))
left = iter([1, 2, 3, 4, 5])
next(left)
next(left)
print(S(list(left)), S(list(iter({1: 2, 3: 4}))), S(list(iter({5, 6, 7}))))
