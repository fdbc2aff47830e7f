import sys
# A list nobody names has only the argument's reference.
print(sys.getrefcount([]))
print(sys.getrefcount([1, 2, 3]))
def make():
    return [0]
print(sys.getrefcount(make()))
