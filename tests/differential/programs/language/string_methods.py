s = '  Hello, Memory World  '
print(s.strip(), s.lower(), s.upper())
print(s.strip().split(', '), s.count('o'), s.find('World'), s.find('x'))
print('-'.join(['a', 'b', 'c']), 'abc'.replace('b', 'B'), 'abc'.startswith('ab'), 'abc'.endswith('bc'))
print('x,y,,z'.split(','), 'a b  c'.split(), 'title case words'.title(), 'Cap'.capitalize())
print('42'.isdigit(), 'abc'.isalpha(), ' '.isspace(), 'abc'.index('c'), 'ab' * 3)
print(f'{"list"} has {3} items', 'left'.ljust(6) + '|', 'r'.rjust(3, '.'), 'z'.zfill(3))
