import gc
class Res:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print('finalize', self.name)
gc.collect()
box = [Res('first'), Res('second')]
box.append(box)
del box
print(gc.collect())
