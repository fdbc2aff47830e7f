def extend_list(a):
    a += [1]
def extend_tuple(t):
    t += (1,)
    return t
lst = [0]
extend_list(lst)
print(lst)
tup = (0,)
print(extend_tuple(tup), tup)
