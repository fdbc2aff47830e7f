import gc
print(gc.is_tracked(1), gc.is_tracked(10 ** 40), gc.is_tracked(2.5))
print(gc.is_tracked('text'), gc.is_tracked(None), gc.is_tracked(True))
print(gc.is_tracked(range(3)))
