def risky(n):
    try:
        print('trying', n)
        if n == 0:
            raise ValueError('zero')
        return 10 // n
    except ValueError as e:
        print('caught', e)
        return -1
    finally:
        print('finally', n)
print(risky(2))
print(risky(0))
