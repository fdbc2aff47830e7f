import sys
squares_list = [n * n for n in range(100)]
squares_gen = (n * n for n in range(100))
print(sys.getsizeof(squares_list))
print(sys.getsizeof(squares_gen))
print(sum(squares_gen) == sum(squares_list))
