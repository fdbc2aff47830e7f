import gc
gc.collect()
gc.set_threshold(3)
keep = []
seen = []
for i in range(10):
    keep.append([])
    seen.append(gc.get_count()[0])
gc.set_threshold(700)
print(seen)
