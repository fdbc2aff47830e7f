class Conn:
    count = 0
    def __init__(self):
        Conn.count += 1
        self.n = Conn.count
pool = [Conn(), Conn()]
borrowed = []
for i in range(4):
    c = pool.pop(0)
    borrowed.append(c.n)
    pool.append(c)
print(borrowed, Conn.count)
