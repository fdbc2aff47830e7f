class Res:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print('freed', self.n)
def producer():
    r = Res('inside')
    yield 1
    yield 2
g = producer()
print(next(g))
print('dropping generator')
del g
print('end')
