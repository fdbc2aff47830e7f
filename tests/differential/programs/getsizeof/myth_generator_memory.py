import sys
# getsizeof counts the container's own memory, never the objects it refers to.
squares_list = [x * x for x in range(1000)]
squares_gen = (x * x for x in range(1000))
print(sys.getsizeof(squares_list))
print(sys.getsizeof(squares_gen))
print(sum(squares_gen) == sum(squares_list))
print(sys.getsizeof(squares_gen))
