class Res:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print('shutdown frees', self.name)
a = Res('a')
b = Res('b')
c = a
print('end of program')
