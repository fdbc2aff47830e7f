# A class's instances share one table of attribute names. 3.11+: every new instance and
# every new name uses up a free entry; once none is left, an instance storing a name the
# table does not know gets a dict of its own. 3.10: sharing ends as soon as instances
# store different names.
import sys
import gc
S = sys.getsizeof

class Point:
    pass

made = []
for i in range(18):
    p = Point()
    setattr(p, "z" + str(i), i)
    made.append(p)
print("dict sizes", [S(p.__dict__) for p in made[:2]], S(made[14].__dict__), S(made[-1].__dict__))

class Row:
    def __init__(self):
        self.x = 1

rows = [Row() for _ in range(40)]
for i in range(0, 40, 3):
    setattr(rows[i], "extra" + str(i), i)
print("row dicts", sorted(set(S(r.__dict__) for r in rows)))

def self_cycle(n):
    w = Row()
    for i in range(n):
        setattr(w, "a" + str(i), i)
    w.me = w
    del w
    return gc.collect()
gc.collect()
print("collected", [self_cycle(n) for n in (1, 10, 30)])
