class Tracked:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print('freed', self.name)
def work():
    a = Tracked('local-a')
    b = Tracked('local-b')
    print('working')
    return 'result'
print(work())
def keep():
    k = Tracked('returned')
    return k
kept = keep()
print('kept', kept.name)
del kept
print('end')
