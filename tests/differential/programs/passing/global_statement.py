counter = 0
items = []
def bump():
    global counter
    counter += 1
def add(x):
    items.append(x)
bump()
bump()
add(counter)
print(counter, items)
def shadow():
    counter = 100
    return counter
print(shadow(), counter)
