class Animal:
    count = 0
    def __init__(self, name, sound="..."):
        self.name = name
        self.sound = sound
        Animal.count += 1
    def speak(self):
        return f"{self.name} says {self.sound}"
    def __str__(self):
        return f"{type(self).__name__}({self.name})"
class Dog(Animal):
    def __init__(self, name, tricks):
        super().__init__(name, "woof")
        self.tricks = tricks
    def speak(self):
        return super().speak() + "!"
class Puppy(Dog):
    def __init__(self, name):
        super().__init__(name, [])
    def speak(self):
        return super().speak().upper()
    def __str__(self):
        return "little " + super().__str__()
pets = [Animal("cat", "meow"), Dog("rex", ["sit"]), Puppy("bit")]
for p in pets:
    print(p, p.speak(), isinstance(p, Dog))
print(Animal.count, pets[2].tricks, pets[1].tricks)
print(super(Puppy, pets[2]).speak(), super(Dog, pets[2]).speak())
