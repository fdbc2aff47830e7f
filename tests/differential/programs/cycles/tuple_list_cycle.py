import gc
gc.collect()
box = []
t = (box, 1)
box.append(t)
del box, t
print(gc.collect())
