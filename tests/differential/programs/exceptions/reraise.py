def inner():
    try:
        raise KeyError('k')
    except KeyError:
        print('logging and re-raising')
        raise
try:
    inner()
except KeyError as e:
    print('outer caught', repr(e))
inner()
