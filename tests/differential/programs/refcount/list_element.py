import sys
outer = [[], [], []]
print(sys.getrefcount(outer[0]))
first = outer[0]
print(sys.getrefcount(outer[0]))
outer[1] = first
print(sys.getrefcount(first))
outer.clear()
print(sys.getrefcount(first))
