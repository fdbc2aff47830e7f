# The compiler shares equal constants between all code objects of one file.
def first():
    return 4000
def second():
    return 4000
top = 4000
print(first() is second(), first() is top)
def text():
    return 'not an identifier!'
print(text() is 'not an identifier!'[:])
