import weakref
class Secret:
    pass
def make_reader():
    hidden = Secret()
    probe = weakref.ref(hidden)
    def read():
        return hidden
    return read, probe
reader, probe = make_reader()
print(probe() is None)
del reader
print(probe() is None)
