import sys
first = ''.join(['memory', '_', 'game'])
second = ''.join(['memory', '_', 'game'])
print(first == second, first is second)
a = sys.intern(first)
b = sys.intern(second)
print(a is b, a is first, b is second)
literal = 'memory_game'
print(literal is a)
