class Animal:
    def __init__(self, name):
        self.name = name
    def speak(self):
        return self.name + ' makes a sound'
class Cat(Animal):
    def speak(self):
        return self.name + ' meows'
class Kitten(Cat):
    pass
for a in [Animal('generic'), Cat('tom'), Kitten('kit')]:
    print(a.speak(), isinstance(a, Animal), isinstance(a, Cat))
