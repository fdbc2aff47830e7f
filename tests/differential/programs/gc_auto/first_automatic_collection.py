import gc
log = []
class Node:
    def __del__(self):
        log.append(self.i)
gc.collect()
gc.set_threshold(10)
for i in range(12):
    n = Node()
    n.i = i
    n.me = n
    del n
    log.append('made')
gc.set_threshold(700)
print(log)
