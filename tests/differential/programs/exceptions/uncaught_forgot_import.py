# expects NameError
data = [1, 2, 3]
print(len(data))
print(sys.getsizeof(data))
