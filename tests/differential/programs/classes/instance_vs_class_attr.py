class Dog:
    kind = 'canine'
    def __init__(self, name):
        self.name = name
a = Dog('rex')
b = Dog('fido')
print(a.kind, b.kind, a.name, b.name)
a.kind = 'wolf'
print(a.kind, b.kind, Dog.kind)
Dog.kind = 'dog'
print(a.kind, b.kind)
