word = 'hello'
a = f'{word}'
b = f'{word}!'
c = f'{word}!'
print(a is word, b == c, b is c)
