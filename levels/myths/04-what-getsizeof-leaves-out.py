import sys
numbers = [n * 1000 for n in range(100)]
print(sys.getsizeof(numbers))
total = sys.getsizeof(numbers)
for n in numbers:
    total += sys.getsizeof(n)
print(total)
lazy = (n * 1000 for n in range(100))
print(sys.getsizeof(lazy))
