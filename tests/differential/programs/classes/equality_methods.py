class Money:
    def __init__(self, cents):
        self.cents = cents
    def __eq__(self, other):
        return self.cents == other.cents
a = Money(100)
b = Money(100)
print(a == b, a is b, a != b)
class Plain:
    pass
p = Plain()
q = Plain()
print(p == q, p == p)
