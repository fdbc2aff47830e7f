import sys
class Obj:
    pass
pool = [Obj()]
o = pool.pop()
print(sys.getrefcount(o))
pool.append(o)
print(sys.getrefcount(o))
del o
print(sys.getrefcount(pool[0]))
