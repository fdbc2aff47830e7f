import gc
class Widget:
    def click(self):
        return 'clicked'
gc.collect()
w = Widget()
w.handler = w.click
print(w.handler())
del w
print(gc.collect())
