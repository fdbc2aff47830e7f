import sys
def outer():
    items = []
    def a():
        return items
    def b():
        return items
    return a, b
fa, fb = outer()
print(sys.getrefcount(fa()))
print(fa() is fb())
