import gc
class Big:
    def __del__(self):
        print('freed by refcount')
b = Big()
del b
print(gc.collect())
