import gc
print(gc.collect(2))
try:
    gc.collect(3)
except ValueError as e:
    print('ValueError:', e)
gc.collect(-1)
