class Res:
    __slots__ = ('name',)
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print('freed', self.name)
a = Res('a')
b = a
del a
print('still alive')
del b
print('end')
