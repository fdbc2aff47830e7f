import gc
gc.collect()
gc.disable()
print(gc.isenabled())
for i in range(3):
    loop = []
    loop.append(loop)
del loop
print(gc.collect())
gc.enable()
print(gc.isenabled())
