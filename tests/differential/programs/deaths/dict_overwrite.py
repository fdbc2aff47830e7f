class Tracked:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print('freed', self.name)
cache = {}
cache['k'] = Tracked('v1')
cache['k'] = Tracked('v2')
print('overwritten')
cache.pop('k')
print('popped')
