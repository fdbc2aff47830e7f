# Two names, one list: a change through either name is visible through both.
scores = [10, 20]
backup = scores
backup.append(30)
print(scores)
backup = backup + [40]
print(scores, backup)
print(scores is backup)
scores += [50]
print(scores)
