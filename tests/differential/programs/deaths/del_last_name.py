class Tracked:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print('freed', self.name)
a = Tracked('a')
b = a
del a
print('after del a')
del b
print('after del b')
