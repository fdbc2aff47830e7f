class Res:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print('shutdown frees', self.name)
first = Res('first')
second = Res('second')
third = Res('third')
print('end of program')
