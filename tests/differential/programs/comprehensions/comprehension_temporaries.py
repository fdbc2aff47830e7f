class Res:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print('freed', self.n)
sizes = [len(str(Res(i).n)) for i in range(3)]
print(sizes)
kept = [Res(i) for i in range(2)]
print('kept', len(kept))
kept = None
print('end')
