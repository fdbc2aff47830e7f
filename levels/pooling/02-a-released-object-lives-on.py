class Conn:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print('closed', self.n)
pool = []
c = Conn(1)
pool.append(c)
del c
print('released')
pool.clear()
print('pool emptied')
