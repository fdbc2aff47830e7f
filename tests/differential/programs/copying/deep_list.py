import copy
original = [[1, 2], [3, 4]]
deep = copy.deepcopy(original)
print(deep == original, deep[0] is original[0])
deep[0].append(99)
print(original, deep)
