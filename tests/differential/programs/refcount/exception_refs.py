import sys
try:
    raise ValueError('bad value')
except ValueError as e:
    print(sys.getrefcount(e))
    saved = e
    print(sys.getrefcount(e))
print(sys.getrefcount(saved))
try:
    print(e)
except NameError as missing:
    print('e is gone:', missing)
