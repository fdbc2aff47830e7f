import weakref
for value in [1, 'text', (1, 2), [1], {}]:
    try:
        weakref.ref(value)
        print('ok')
    except TypeError as e:
        print('TypeError:', e)
