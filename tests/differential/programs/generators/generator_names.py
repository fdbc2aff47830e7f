def squares(n):
    for i in range(n):
        yield i * i
class Box:
    def items(self):
        yield 1
g = squares(3)
h = Box().items()
print(g.__name__, g.__qualname__, h.__name__, h.__qualname__, type(g).__name__)
print(g.__name__ is squares.__name__, list(g))
