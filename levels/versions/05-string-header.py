import sys
print(sys.getsizeof(''))
print(sys.getsizeof('memory'))
