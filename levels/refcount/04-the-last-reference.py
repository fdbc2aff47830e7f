inner = [1, 2]
outer = [inner, [3, 4]]
del inner
print(len(outer))
del outer
print('done')
