rows = [[1], [2], [3]]
part = rows[0:2]
part[0].append('shared')
print(rows)
part[1] = ['replaced']
print(rows, part)
