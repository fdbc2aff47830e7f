# 3.12 made sum() of floats compensated, so the rounding errors cancel.
values = [0.1] * 10
print(sum(values))
print(sum(values) == 1.0)
total = 0.0
for v in values:
    total += v
print(total)
