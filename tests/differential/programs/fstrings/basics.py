name = 'Ada'
age = 36
print(f'{name} is {age}')
print(f'{name!r} {age + 1} {age * 2}')
print(f'{3.14159:.3f} {42:06d} {255:x} {255:b}')
print(f'{"left":<6}|{"right":>6}|{"mid":^7}|')
print(f'{{literal braces}} {name}')
