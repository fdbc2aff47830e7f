import sys
value = []
table = {'k': value}
for key, v in table.items():
    print(sys.getrefcount(value))
print(sys.getrefcount(value))
del v
print(sys.getrefcount(value))
