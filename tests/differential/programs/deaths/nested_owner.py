class Tracked:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print('freed', self.name)
root = Tracked('root')
root.child = Tracked('child')
root.child.grandchild = Tracked('grandchild')
del root
print('end')
