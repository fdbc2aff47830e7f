import sys
def f():
    pass
class Plain:
    pass
class Slotted:
    __slots__ = ('a', 'b')
print(sys.getsizeof(f), sys.getsizeof(lambda: 0))
print(sys.getsizeof(Plain()), sys.getsizeof(Slotted()))
print(sys.getsizeof(Plain) > 500, sys.getsizeof(Slotted) > 500)
