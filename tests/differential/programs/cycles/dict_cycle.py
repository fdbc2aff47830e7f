import gc
gc.collect()
d = {}
d['self'] = d
print(d)
del d
print(gc.collect())
e = {'a': {}}
e['a']['back'] = e
del e
print(gc.collect())
