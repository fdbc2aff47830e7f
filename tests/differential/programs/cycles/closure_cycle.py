import gc
def make():
    def again():
        return again
    return again
gc.collect()
f = make()
print(f() is f)
del f
print(gc.collect())
