import gc
print(gc.is_tracked({}), gc.is_tracked({'a': 1}), gc.is_tracked({'a': 'b'}))
print(gc.is_tracked({'a': []}), gc.is_tracked({1: {}}))
d = {'n': 1}
print(gc.is_tracked(d))
d['list'] = [1]
print(gc.is_tracked(d))
del d['list']
print(gc.is_tracked(d))
gc.collect()
print(gc.is_tracked(d))
