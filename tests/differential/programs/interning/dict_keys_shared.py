key1 = 'colour'
d = {'colour': 'red'}
for k in d:
    print(k is key1)
made = ''.join(['col', 'our'])
e = {made: 'blue'}
for k in e:
    print(k is key1, k == key1)
