class Tracked:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print('freed', self.name)
box = [Tracked('a'), Tracked('b'), Tracked('c'), Tracked('d')]
box.pop()
print('popped')
box.pop(0)
print('popped first')
box.clear()
print('cleared')
