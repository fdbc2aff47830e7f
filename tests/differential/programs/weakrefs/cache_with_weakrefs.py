import weakref
class Image:
    def __init__(self, name):
        self.name = name
cache = {}
def load(name):
    ref = cache.get(name)
    if ref is not None and ref() is not None:
        return ref(), 'hit'
    img = Image(name)
    cache[name] = weakref.ref(img)
    return img, 'miss'
a, how = load('cat')
print(how)
b, how = load('cat')
print(how, a is b)
del a, b
c, how = load('cat')
print(how)
