# When does the first automatic collection happen? Cycles of instances with __del__ appending
# to a log (no allocation of GC objects while logging), threshold lowered to 10.
import gc
log = []
class Node:
    def __del__(self):
        log.append(('del', self.i))
gc.collect()
gc.set_threshold(10)
for i in range(12):
    n = Node()
    n.i = i
    n.me = n
    del n
    log.append(('made', i, gc.get_count()[0]))
gc.set_threshold(700)
for entry in log:
    print(entry)
gc.collect()
print("--- lists in cycles, detection by weakref callback on an instance riding in the cycle")
log = []
class Tag:
    pass
import weakref
refs = []
def cb(r):
    log.append('cb')
gc.collect()
gc.set_threshold(5)
for i in range(8):
    t = Tag()
    l = [t]
    l.append(l)
    refs.append(weakref.ref(t, cb))
    del t, l
    log.append(i)
gc.set_threshold(700)
print(log)
gc.collect()
print("--- counting allocations only: plain lists, threshold 3")
log = []
gc.collect()
gc.set_threshold(3)
keep = []
before = gc.get_count()
for i in range(10):
    keep.append([])
    log.append(gc.get_count()[0])
gc.set_threshold(700)
print(before, log)
print("--- generation promotion, threshold (2, 2, 2)")
gc.collect()
gc.set_threshold(2, 2, 2)
counts = []
hold = []
for i in range(16):
    hold.append([])
    counts.append(gc.get_count())
gc.set_threshold(700, 10, 10)
for c in counts:
    print(c)
