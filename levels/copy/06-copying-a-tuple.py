import copy
point = (1, 2)
print(copy.copy(point) is point)
print(copy.deepcopy(point) is point)
holder = ([1], 2)
print(copy.copy(holder) is holder)
print(copy.deepcopy(holder) is holder)
