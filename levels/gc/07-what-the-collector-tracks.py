import gc
print(gc.is_tracked(42))
print(gc.is_tracked([]))
print(gc.is_tracked({'a': 1}))
print(gc.is_tracked({'a': []}))
pair = tuple([1, 2])
print(gc.is_tracked(pair))
gc.collect()
print(gc.is_tracked(pair))
