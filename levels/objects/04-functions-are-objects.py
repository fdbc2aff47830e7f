import sys
def greet():
    return 'hi'
hello = greet
print(sys.getrefcount(hello))
del greet
print(hello())
print(sys.getrefcount(hello))
