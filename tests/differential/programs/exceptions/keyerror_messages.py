# KeyError's str() is the repr of its one argument: the messages CPython raises are not pre-quoted.
def show(f):
    try:
        f()
    except KeyError as e:
        print(e, repr(e), e.args)
show(lambda: {}.popitem())
show(lambda: set().pop())
show(lambda: "{name}".format(other=1))
show(lambda: {"a": 1}["b"])
show(lambda: {1: 2}[3])
d = {}
d.popitem()
