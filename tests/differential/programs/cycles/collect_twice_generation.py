import gc
gc.collect()
survivor = []
survivor.append(survivor)
gc.collect(0)
print(gc.get_count())
del survivor
print(gc.collect(0))
print(gc.collect(1))
