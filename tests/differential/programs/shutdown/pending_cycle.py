import gc
class Res:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print('frees', self.name)
gc.collect()
gc.disable()
x = Res('cycle')
x.me = x
del x
y = Res('global')
print('end of program')
