import sys
as_list = [1, 2, 3]
as_tuple = (1, 2, 3)
print(sys.getsizeof(as_list))
print(sys.getsizeof(as_tuple))
