import copy
original = [[1, 2], [3, 4]]
shallow = copy.copy(original)
print(shallow == original, shallow is original)
print(shallow[0] is original[0])
shallow[0].append(99)
print(original)
shallow.append([5])
print(len(original), len(shallow))
