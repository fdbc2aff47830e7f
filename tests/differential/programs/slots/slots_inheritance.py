class Base:
    __slots__ = ('a',)
class Child(Base):
    __slots__ = ('b',)
class Loose(Base):
    pass
c = Child()
c.a = 1
c.b = 2
print(c.a, c.b, hasattr(c, '__dict__'))
l = Loose()
l.a = 1
l.extra = 2
print(hasattr(l, '__dict__'), l.extra)
