s = '  Hello, World  '
print(s.strip(), s.lstrip(), s.rstrip() + '|', s.lower(), s.upper())
t = 'a,b,,c'
print(t.split(','), t.split(',', 1), 'a b  c'.split(), '  x  y '.split(), t.rsplit(',', 1))
print('-'.join(['x', 'y', 'z']), 'abc'.replace('b', 'BB'), 'banana'.count('an'), 'banana'.find('na'), 'banana'.rfind('na'))
print('abc'.startswith('ab'), 'abc'.endswith(('x', 'c')), 'Abc'.isalpha(), '123'.isdigit(), 'ab1'.isalnum(), ' '.isspace())
print('hello world'.title(), 'hello'.capitalize(), 'HeLLo'.swapcase(), 'x'.center(5, '*'), '5'.zfill(3), '-5'.zfill(4))
print('abcdef'[::2], 'abcdef'[::-1], 'abcdef'[-3:], 'abcdef'[1:-1], 'abc' * 2, 'a' in 'cat', 'z' not in 'cat')
print(len('héllo'), 'héllo'.upper(), ord('A'), chr(66), 'a' < 'b', 'Z' < 'a', sorted('hello'))
print('x=%d' % 5, 'line1\nline2'.splitlines(), 'key: value'.partition(': '), 'abc'.index('c'))
try:
    'abc'.index('z')
except ValueError as e:
    print(e)
print(repr('tab\there'), repr("quote'"), repr('both\'"'), str('ok'))
