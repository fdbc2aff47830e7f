def remember(item, seen=[]):
    seen.append(item)
    return len(seen)
print(remember('a'))
print(remember('b'))
fresh = []
print(remember('c', fresh))
print(remember('d'))
