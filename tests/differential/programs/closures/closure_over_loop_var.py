def outer():
    result = []
    for name in ['a', 'b']:
        def show():
            return name
        result.append(show)
    return result
print([f() for f in outer()])
