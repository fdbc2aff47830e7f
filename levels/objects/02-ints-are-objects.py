import sys
count = 1000
print(sys.getsizeof(count))
print(sys.getsizeof(10 ** 30))
flag = True
print(isinstance(flag, int))
print(sys.getsizeof(flag))
