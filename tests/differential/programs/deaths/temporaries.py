class Tracked:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print('freed', self.name)
Tracked('never named')
print('next line')
print(Tracked('printed').name)
print(len([Tracked('in list')]))
print('end')
