import gc
def self_aware():
    me = yield 'started'
    yield 'got ' + str(me is not None)
gc.collect()
g = self_aware()
print(next(g))
holder = [g]
holder.append(holder)
del g, holder
print(gc.collect())
