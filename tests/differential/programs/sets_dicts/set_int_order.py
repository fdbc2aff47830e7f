# A set of small ints prints in hash-table order, which is not always sorted.
print({3, 1, 2})
print({8, 1, 16})
print({100, 5, 37})
s = set()
for v in [9, 1, 17]:
    s.add(v)
print(s)
