# A dict stores references: two keys can refer to one object.
shared = ['data']
d = {'first': shared, 'second': shared}
d['first'].append('more')
print(d)
print(d['first'] is d['second'])
d['second'] = list(shared)
d['second'].append('copy-only')
print(d)
