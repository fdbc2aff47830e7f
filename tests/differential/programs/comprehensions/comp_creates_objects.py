rows = [[0] * 3 for _ in range(3)]
rows[0][0] = 1
print(rows)
print(rows[0] is rows[1])
same = [[0] * 3] * 3
same[0][0] = 1
print(same)
