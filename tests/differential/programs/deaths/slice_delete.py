class Tracked:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print('freed', self.name)
row = [Tracked(str(i)) for i in range(5)]
del row[1:3]
print('deleted slice')
row[0] = Tracked('replacement')
print('replaced')
del row[:]
print('end')
