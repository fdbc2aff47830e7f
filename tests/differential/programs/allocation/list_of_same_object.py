# [[]] * 3 repeats one reference three times; a comprehension makes three lists.
grid = [[]] * 3
grid[0].append('x')
print(grid)
print(grid[0] is grid[1], grid[1] is grid[2])
grid2 = [[] for _ in range(3)]
grid2[0].append('x')
print(grid2)
print(grid2[0] is grid2[1])
