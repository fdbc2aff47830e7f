import gc
gc.collect()
x = []
y = [x]
x.append(y)
del x
print('y still named, collect:', gc.collect())
del y
print('both unreachable, collect:', gc.collect())
