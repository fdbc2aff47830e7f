import gc
gc.set_threshold(4, 2, 2)
class Box:
    def __del__(self):
        print('box freed')
holder = []
for i in range(10):
    b = Box()
    b.ref = [b]
    holder.append(i)
    del b
print(len(holder), gc.get_count())
