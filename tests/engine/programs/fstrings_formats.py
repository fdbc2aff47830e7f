x = 3.14159
n = 42
s = 'hi'
print(f'{x:.2f} {n:5d} {n:<5}| {s!r} {s:>4} {n:x} {n:08b} {n:,}')
print(f'{x*2:.3} {n/7:.4f} {1e6:,.1f} {-3:+} {0.25:%} {12345.678:e}')
print(f'{"nested":^10}|{n!s}|{[1, 2]}|{ {"a": 1} }|')
print('{} and {}'.format(1, 'two'), '{0}{1}{0}'.format('a', 'b'), '{name}!'.format(name='X'))
print('%s is %d years, %.1f%%' % ('Al', 30, 99.5), '%5s|%-5s|' % ('r', 'l'))
print(format(1234.5, ',.2f'), format(7, '03d'), format('ab', '*^6'))
print(str(1.0), str(1e20), str(1.5e-7), repr(0.1 + 0.2), 1/3, 2.0 ** 60, float('inf'), -float('inf'))
print(round(2.5), round(3.5), round(2.675, 2), round(-0.5), abs(-7), divmod(-7, 2), pow(2, 10, 1000))
print(7 // -2, -7 % 3, 7.5 // 2, -7.5 % 2, 2 ** -1, 10 / 4, int(-3.9), int('  12 '), float('3.5'))
