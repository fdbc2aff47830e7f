import gc
log = []
class Node:
    def __del__(self):
        log.append('del')
gc.collect()
gc.set_threshold(5)
gc.disable()
for i in range(20):
    n = Node()
    n.me = n
    del n
print(len(log))
gc.enable()
gc.set_threshold(700)
print(gc.collect())
print(len(log))
