import copy
class Player:
    def __init__(self, name, items):
        self.name = name
        self.items = items
p = Player('ann', ['sword'])
q = copy.copy(p)
r = copy.deepcopy(p)
q.items.append('shield')
print(p.items, r.items)
print(q is p, q.items is p.items, r.items is p.items)
q.name = 'bob'
print(p.name, q.name)
