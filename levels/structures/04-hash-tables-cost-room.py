import sys
colors = ['red', 'green', 'blue']
color_set = set(colors)
color_dict = {'red': 1, 'green': 2, 'blue': 3}
print(sys.getsizeof(colors))
print(sys.getsizeof(color_set))
print(sys.getsizeof(color_dict))
print('blue' in color_set)
