import gc
gc.disable()
print(gc.isenabled())
class Loop:
    pass
for i in range(3):
    x = Loop()
    x.me = x
del x
print(gc.collect())
gc.enable()
print(gc.isenabled())
