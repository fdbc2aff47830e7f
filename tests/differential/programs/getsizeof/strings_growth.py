import sys
s = ''
sizes = []
for i in range(6):
    sizes.append(sys.getsizeof(s))
    s += 'x'
print(sizes)
print(sys.getsizeof('x' * 1000) - sys.getsizeof('x' * 999))
print(sys.getsizeof('€' * 10) - sys.getsizeof('€' * 9))
