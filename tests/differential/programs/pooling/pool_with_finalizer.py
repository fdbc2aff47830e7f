class Res:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print('destroyed', self.n)
pool = [Res(1), Res(2)]
r = pool.pop()
print('using', r.n)
pool.append(r)
del r
print('returned to pool')
pool = None
print('pool dropped')
