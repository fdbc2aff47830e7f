class Team:
    members = []
    def __init__(self, name):
        self.name = name
    def join(self, who):
        self.members.append(who)
a = Team('a')
b = Team('b')
a.join('x')
b.join('y')
print(a.members, b.members, a.members is b.members)
