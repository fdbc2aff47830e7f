# Strings with spaces are not interned, yet equal constants in one file are still shared.
a = 'hello world'
b = 'hello world'
print(a is b)
c = ' '.join(['hello', 'world'])
print(a == c, a is c)
