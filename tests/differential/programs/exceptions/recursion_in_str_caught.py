# __str__ calling str(self) recurses through native code; the RecursionError can be caught.
class Loop:
    def __str__(self):
        return "Loop" + str(self)
try:
    print(Loop())
except RecursionError:
    print("too deep")
def depth(n):
    try:
        return depth(n + 1)
    except RecursionError:
        return n
print(depth(0) > 100)
