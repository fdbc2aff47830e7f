# Strings that look like identifiers are interned at compile time.
a = 'python'
b = 'python'
print(a is b)
c = 'py' + 'thon'
print(a is c)
part = 'py'
d = part + 'thon'
print(a == d, a is d)
