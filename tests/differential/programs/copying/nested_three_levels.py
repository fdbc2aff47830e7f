import copy
data = {'level1': {'level2': {'level3': [1]}}}
s = copy.copy(data)
d = copy.deepcopy(data)
data['level1']['level2']['level3'].append(2)
print(s['level1']['level2']['level3'])
print(d['level1']['level2']['level3'])
print(s['level1'] is data['level1'], d['level1'] is data['level1'])
