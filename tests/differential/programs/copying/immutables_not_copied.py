import copy
t = (1, 2, 3)
print(copy.copy(t) is t, copy.deepcopy(t) is t)
s = 'text'
print(copy.copy(s) is s, copy.deepcopy(s) is s)
n = 10 ** 20
print(copy.deepcopy(n) is n)
mixed = (1, [2])
dm = copy.deepcopy(mixed)
print(dm is mixed, dm[1] is mixed[1], dm == mixed)
