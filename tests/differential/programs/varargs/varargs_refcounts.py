# The *args tuple and the **kwargs dict hold references to the arguments; 3.10's caller
# keeps its own references on the stack during the call, 3.11+ moves them.
import sys
class Item:
    pass
it = Item()
def one(*args):
    return sys.getrefcount(it), sys.getrefcount(args)
def kw(**opts):
    return sys.getrefcount(it), sys.getrefcount(opts)
def both(a, *args, **opts):
    return sys.getrefcount(a), sys.getrefcount(it)
print(one(it), one(it, it), kw(x=it), kw())
print(both(it, it, k=it))
def keep(*args):
    return args
t = keep(it, 1)
print(sys.getrefcount(it), t[1])
del t
print(sys.getrefcount(it))
