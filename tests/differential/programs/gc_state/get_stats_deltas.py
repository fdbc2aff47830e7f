import gc
class Node:
    pass
gc.collect()
s0 = gc.get_stats()
a = []
a.append(a)
del a
n = Node()
n.me = n
del n
found = gc.collect()
s1 = gc.get_stats()
print(found)
for g in range(3):
    print(g, s1[g]['collections'] - s0[g]['collections'], s1[g]['collected'] - s0[g]['collected'], s1[g]['uncollectable'])
gc.collect(0)
print(gc.get_stats()[0]['collections'] - s1[0]['collections'])
