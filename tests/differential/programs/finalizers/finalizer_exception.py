class Grumpy:
    def __del__(self):
        print('finalizer starts')
        raise RuntimeError('ignored')
g = Grumpy()
del g
print('program continues')
