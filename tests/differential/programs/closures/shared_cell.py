def pair():
    data = []
    def add(x):
        data.append(x)
    def get():
        return data
    return add, get
add, get = pair()
add(1)
add(2)
print(get())
add2, get2 = pair()
print(get2(), get() is get2())
