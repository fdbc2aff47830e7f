import copy
config = {'name': 'demo', 'tags': ['a', 'b']}
clone = copy.deepcopy(config)
print(clone['tags'] is config['tags'])
print(clone['name'] is config['name'])
clone['tags'].append('c')
print(len(config['tags']))
