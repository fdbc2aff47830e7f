import gc
log = []
class Node:
    def __del__(self):
        log.append('del')
gc.collect()
gc.set_threshold(0)
for i in range(30):
    n = Node()
    n.me = n
    del n
print(len(log))
gc.set_threshold(700)
gc.collect()
print(len(log))
