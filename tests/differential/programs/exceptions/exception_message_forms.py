try:
    {}['missing']
except KeyError as e:
    print(repr(e), str(e), e.args)
try:
    int('x')
except ValueError as e:
    print(e)
try:
    [].pop()
except IndexError as e:
    print(e)
try:
    None + 1
except TypeError as e:
    print(e)
