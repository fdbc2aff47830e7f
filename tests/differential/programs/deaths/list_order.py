class Tracked:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print('freed', self.name)
items = [Tracked('one'), Tracked('two'), Tracked('three')]
print('deleting the list')
del items
print('done')
