# When does formatting hand back its argument itself, and when a new string?
name = "".join(["heap", "quest"])
empty = ""

class Tag:
    def __init__(self, text):
        self.text = text
    def __str__(self):
        return self.text
    def __format__(self, spec):
        return self.text

tag = Tag(name)
rows = [
    ("'{}'.format", "{}".format(name)),
    ("'{0}'.format", "{0}".format(name)),
    ("'{:9}'.format", "{:9}".format(name)),
    ("'{:10}'.format", "{:10}".format(name)),
    ("'{!s}'.format", "{!s}".format(name)),
    ("'{}{}'.format('', s)", "{}{}".format(empty, name)),
    ("'{}{}'.format(s, '')", "{}{}".format(name, empty)),
    ("'<{}>'.format", "<{}>".format(name)[1:-1]),
    ("'heapquest'.format()", "heapquest".format()),
    ("f'{s}'", f"{name}"),
    ("f'{s!s}'", f"{name!s}"),
    ("f'{s:9}'", f"{name:9}"),
    ("f'{s:>10}'", f"{name:>10}".strip()),
    ("f'{s}{e}'", f"{name}{empty}"),
    ("'{}'.format(tag)", "{}".format(tag)),
    ("f'{tag}'", f"{tag}"),
    ("f'{tag!s}'", f"{tag!s}"),
    ("str(tag)", str(tag)),
]
for label, result in rows:
    print(f"{label:24} {result == name!s:5} {result is name}")
print("{0:>{1}}|".format(name, 12), "{:{}}|".format("x", 3), "{{}}".format())
