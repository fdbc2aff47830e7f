import copy
grid = [[1, 2], [3, 4]]
flat = copy.copy(grid)
print(flat is grid)
print(flat[0] is grid[0])
flat[0].append(99)
print(99 in grid[0])
