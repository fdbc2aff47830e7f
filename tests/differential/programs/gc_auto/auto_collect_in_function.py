import gc
log = []
class Node:
    def __del__(self):
        log.append(self.i)
def churn(count):
    for i in range(count):
        n = Node()
        n.i = i
        n.me = n
    return 'done'
gc.collect()
gc.set_threshold(6)
print(churn(8))
gc.set_threshold(700)
print(log)
gc.collect()
print(sorted(log))
