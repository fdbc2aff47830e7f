rows = [['a'], ['b']]
by_slice = rows[:]
by_list = list(rows)
by_method = rows.copy()
print(by_list is rows)
print(by_method[1] is rows[1])
by_slice.append(['c'])
print(len(rows))
