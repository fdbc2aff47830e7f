parts = []
for i in range(5):
    parts.append(str(i) * i)
print('|'.join(parts))
s = ''
for ch in 'abc':
    s = ch + s
print(s)
print('stressed'[::-1])
print(' '.join(w.capitalize() for w in 'hello big world'.split()))
