import sys
grown = []
for i in range(5):
    grown.append(i)
print(sys.getsizeof(grown))
literal = [0, 1, 2, 3, 4]
print(sys.getsizeof(literal))
print(grown == literal)
