class Tracked:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print('freed', self.name)
for i in range(3):
    current = Tracked('round ' + str(i))
    print('made', i)
print('loop over')
del current
print('end')
