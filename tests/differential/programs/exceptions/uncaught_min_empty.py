scores = []
print(len(scores))
print(max(scores))
