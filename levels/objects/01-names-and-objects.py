scores = [90, 75]
same = scores
other = [90, 75]
print(same is scores)
print(other is scores)
print(other == scores)
