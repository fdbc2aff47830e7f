class Tracked:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print('freed', self.name)
class Holder:
    pass
h = Holder()
h.item = Tracked('item')
h.other = Tracked('other')
del h.item
print('deleted attribute')
h.other = Tracked('new other')
print('replaced attribute')
del h
print('end')
