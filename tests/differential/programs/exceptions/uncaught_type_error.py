total = 5
label = 'total: '
print(label + str(total))
print(label + total)
