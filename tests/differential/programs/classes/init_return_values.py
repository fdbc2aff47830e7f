class Box:
    def __init__(self, content=None):
        if content is None:
            content = []
        self.content = content
a = Box()
b = Box()
print(a.content is b.content)
shared = [1]
c = Box(shared)
d = Box(shared)
print(c.content is d.content)
