class Res:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print('freed', self.n)
def make():
    r = Res('captured')
    def use():
        return r.n
    return use
f = make()
print('made closure')
print(f())
del f
print('end')
