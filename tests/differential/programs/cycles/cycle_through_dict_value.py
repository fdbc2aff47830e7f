import gc
class Owner:
    pass
gc.collect()
o = Owner()
o.registry = {'owner': o}
del o
print(gc.collect())
