a = 1000
b = 1000
print(a is b)
def make():
    return 1000
print(make() is a)
c = int('1000')
print(c is a)
