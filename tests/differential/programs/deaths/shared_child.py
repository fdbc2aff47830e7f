class Tracked:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print('freed', self.name)
common = Tracked('common')
a = Tracked('a')
b = Tracked('b')
a.ref = common
b.ref = common
del common
print('common still held')
del a
print('a gone')
del b
print('end')
