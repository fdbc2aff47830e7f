import gc
print(gc.get_threshold()[0])
gc.set_threshold(500, 10, 10)
print(gc.get_threshold()[0])
gc.collect()
print(gc.get_count()[0])
