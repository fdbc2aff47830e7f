import sys
shared = []
grid = [[shared for _ in range(2)] for _ in range(2)]
print(sys.getrefcount(shared))
del grid
print(sys.getrefcount(shared))
