import sys
n = 42
s = f'value={n}'
print(s, len(s), sys.getsizeof(s))
t = f'{n}'
print(t == '42', sys.getsizeof(t))
