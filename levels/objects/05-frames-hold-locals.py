class Tag:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print('bye', self.name)
def work():
    temp = Tag('temp')
    keep = Tag('keep')
    return keep
result = work()
print('back in module')
del result
print('the end')
