def greet(name, greeting='Hello', punct='!'):
    return greeting + ', ' + name + punct
print(greet('Ann'))
print(greet('Bob', 'Hi'))
print(greet('Cy', punct='?'))
print(greet(greeting='Yo', name='Di'))
def count(n, acc=[]):
    acc.append(n)
    return len(acc)
print(count(1), count(2), count(3))
def fact(n):
    if n <= 1:
        return 1
    return n * fact(n - 1)
print(fact(25))
try:
    greet()
except TypeError as e:
    print(e)
try:
    greet('a', 'b', 'c', 'd')
except TypeError as e:
    print(e)
try:
    greet('a', nam='x')
except TypeError as e:
    print(e)
try:
    greet('a', name='x')
except TypeError as e:
    print(e)
