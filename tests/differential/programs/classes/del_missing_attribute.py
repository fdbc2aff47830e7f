# Deleting an attribute that is not there: the messages differ by version and by where it would live.
class O:
    pass
class S:
    __slots__ = ("x",)
o = O()
try:
    del o.n
except AttributeError as e:
    print(repr(e))
o.a = 1
try:
    del o.n
except AttributeError as e:
    print(repr(e))
o.__dict__
try:
    del o.n
except AttributeError as e:
    print(repr(e))
s = S()
try:
    del s.x
except AttributeError as e:
    print(repr(e))
try:
    del s.y
except AttributeError as e:
    print(repr(e))
try:
    del O.zz
except AttributeError as e:
    print(repr(e))
del o.n
