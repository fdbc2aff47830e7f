squares = [x * x for x in range(6)]
evens = [x for x in squares if x % 2 == 0]
pairs = [(x, y) for x in range(3) for y in range(2) if x != y]
print(squares, evens)
print(pairs)
print([[i * j for j in range(3)] for i in range(3)])
