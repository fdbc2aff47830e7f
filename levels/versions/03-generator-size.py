import sys
def countdown(n):
    while n > 0:
        yield n
        n -= 1
print(sys.getsizeof(countdown(3)))
print(sys.getsizeof(x for x in range(3)))
