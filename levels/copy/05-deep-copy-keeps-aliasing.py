import copy
shared = [0]
pair = [shared, shared]
twin = copy.deepcopy(pair)
print(twin[0] is twin[1])
print(twin[0] is shared)
