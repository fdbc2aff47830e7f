class Res:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print('freed', self.n)
def producer():
    r = Res('local')
    yield 'only'
g = producer()
for x in g:
    print(x)
print('loop done')
del g
print('end')
