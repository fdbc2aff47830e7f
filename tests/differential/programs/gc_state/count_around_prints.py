# print() and the first container repr leave GC objects behind; 3.11+ pack print's arguments.
import gc
gc.collect()
r = []
g = gc.get_count
r.append(g()[0])
r.append(g()[0])
for i in range(3):
    print("line", i)
    r.append(g()[0])
print("x", "y", sep="-")
r.append(g()[0])
print("no newline", end="")
print()
r.append(g()[0])
s = repr([1, 2])
r.append(g()[0])
s = str((1,))
r.append(g()[0])
print(r)
