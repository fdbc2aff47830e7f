import copy
config = {'name': 'demo', 'tags': ['a', 'b']}
shallow = config.copy()
deep = copy.deepcopy(config)
shallow['tags'].append('c')
print(config['tags'])
print(deep['tags'])
print(shallow['name'] is config['name'], deep['name'] is config['name'])
print(shallow['tags'] is config['tags'], deep['tags'] is config['tags'])
