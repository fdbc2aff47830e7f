import gc
import weakref
gc.collect()
class Marker:
    pass
events = []
def gone(r):
    events.append('gone')
gc.collect()
gc.set_threshold(4, 1, 1)
for i in range(6):
    m = Marker()
    a = [m]
    a.append(a)
    w = weakref.ref(m, gone)
    del m, a
    events.append(i)
gc.set_threshold(700, 10, 10)
print(events)
