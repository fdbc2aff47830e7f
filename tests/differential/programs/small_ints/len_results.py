big = list(range(300))
n1 = len(big)
n2 = len(big)
print(n1, n1 is n2)
small = [0] * 10
print(len(small) is len(small))
print(sum([100, 100]) is sum([100, 100]))
print(sum([200, 200]) is sum([200, 200]))
