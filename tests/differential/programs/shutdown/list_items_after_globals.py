class Res:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print('shutdown frees', self.name)
a = Res('a')
items = [Res('item1'), Res('item2')]
c = Res('c')
print('end of program')
