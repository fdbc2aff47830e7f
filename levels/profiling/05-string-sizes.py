import sys
print(sys.getsizeof(''))
print(sys.getsizeof('naive'))
print(sys.getsizeof('naive' * 10))
print(sys.getsizeof('naïve'))
