import gc
gc.collect()
gc.collect(0)
gc.collect(0)
print(gc.get_count()[1])
gc.collect(1)
print(gc.get_count()[1])
print(gc.get_count()[2])
