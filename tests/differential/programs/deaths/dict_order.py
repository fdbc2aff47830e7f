class Tracked:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print('freed', self.name)
d = {'x': Tracked('x'), 'y': Tracked('y'), 'z': Tracked('z')}
del d['y']
print('removed y')
del d
print('done')
