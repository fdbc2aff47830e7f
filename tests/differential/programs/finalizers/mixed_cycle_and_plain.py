import gc
class Res:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print('finalize', self.name)
gc.collect()
plain = Res('plain')
cyc = Res('cyclic')
cyc.me = cyc
cyc.friend = plain
del plain
print('plain still held by the cycle')
del cyc
print(gc.collect())
