print(True and False, True or False, not True)
print(0 or 'default', '' or None, 'a' and 'b', [] and 'never')
print(1 < 2 < 3, 3 > 2 > 2, 1 == 1.0 != 2)
x = None
print(x is None or x > 0)
print(1 in [1, 2] and 'a' not in 'bcd')
