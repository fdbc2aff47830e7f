import gc
import weakref
log = []
class Tag:
    pass
def died(ref):
    log.append('collected')
refs = []
gc.collect()
gc.set_threshold(5)
for i in range(8):
    t = Tag()
    cycle = [t]
    cycle.append(cycle)
    refs.append(weakref.ref(t, died))
    del t, cycle
    log.append(i)
gc.set_threshold(700)
print(log)
