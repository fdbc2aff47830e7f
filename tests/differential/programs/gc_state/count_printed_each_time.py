import gc
gc.collect()
print(gc.get_count())
print(gc.get_count())
items = []
print(gc.get_count())
items.append([1])
print(gc.get_count())
print(gc.get_count(), gc.get_count())
