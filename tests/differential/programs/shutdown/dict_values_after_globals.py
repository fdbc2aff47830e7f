class Res:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print('shutdown frees', self.name)
first = Res('first')
table = {'k1': Res('v1'), 'k2': Res('v2')}
last = Res('last')
print('end of program')
