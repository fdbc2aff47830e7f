s = 'memory game'
print(s[:6], s[7:], s[-4:], s[::-1], s[::2])
print(s[3:3] == '', len(s[100:]))
t = s[:]
print(t is s)
