# String methods return new strings; the original never changes.
s = 'Hello'
t = s.upper()
print(s, t, s is t)
u = s.replace('l', 'L')
print(s, u)
v = s + ''
w = s[:]
print(v == s, w is s)
lower = 'hello'
print(lower.lower() == lower)
