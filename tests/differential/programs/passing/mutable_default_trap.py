def remember(item, seen=[]):
    seen.append(item)
    return seen
print(remember('a'))
print(remember('b'))
print(remember('c', []))
print(remember('d'))
def safe(item, seen=None):
    if seen is None:
        seen = []
    seen.append(item)
    return seen
print(safe('a'), safe('b'))
