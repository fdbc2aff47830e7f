import sys
print(sys.getsizeof('café'), sys.getsizeof('naïve text'))
print(sys.getsizeof('€'), sys.getsizeof('€uro'), sys.getsizeof('日本語'))
print(sys.getsizeof('😀'), sys.getsizeof('ab😀'))
