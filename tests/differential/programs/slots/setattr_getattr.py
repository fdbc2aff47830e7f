class Bag:
    pass
b = Bag()
setattr(b, 'color', 'red')
print(b.color, getattr(b, 'color'), getattr(b, 'size', 'none'))
print(hasattr(b, 'color'), hasattr(b, 'size'))
class Slim:
    __slots__ = ('v',)
s = Slim()
setattr(s, 'v', 10)
print(getattr(s, 'v'))
try:
    setattr(s, 'w', 1)
except AttributeError as e:
    print('AttributeError')
