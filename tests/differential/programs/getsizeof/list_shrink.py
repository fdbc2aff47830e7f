import sys
lst = []
for i in range(20):
    lst.append(i)
sizes = []
while lst:
    lst.pop()
    sizes.append(sys.getsizeof(lst))
print(sizes)
lst = list(range(10))
lst.clear()
print(sys.getsizeof(lst))
