def same(x):
    return x
data = [1, 2]
print(same(data) is data)
def wrap(x):
    return [x]
w = wrap(data)
print(w[0] is data)
def copy_of(x):
    return list(x)
print(copy_of(data) is data, copy_of(data) == data)
