import gc
class C:
    pass
o = C()
o.n = 1
o.s = 'x'
print(gc.is_tracked(o), gc.is_tracked(o.__dict__))
o.lst = []
print(gc.is_tracked(o.__dict__))
