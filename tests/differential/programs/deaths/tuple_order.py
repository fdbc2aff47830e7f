class Tracked:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print('freed', self.name)
t = (Tracked('p'), Tracked('q'))
t = (Tracked('r'),)
print('rebound tuple')
del t
print('done')
