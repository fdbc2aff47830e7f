import gc
gc.collect()
gc.set_threshold(3, 2, 2)
snapshots = []
keep = []
for i in range(12):
    keep.append([])
    snapshots.append(gc.get_count())
gc.set_threshold(700, 10, 10)
for s in snapshots:
    print(s)
