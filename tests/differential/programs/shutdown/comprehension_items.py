# A list built item by item is created before its items; at exit the collector reaches the
# items through the list, after the other globals.
class D:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)

made = [D("m" + str(i)) for i in range(3)]
looped = []
for i in range(2):
    looped.append(D("p" + str(i)))
alone = D("alone")
print("end of program")
