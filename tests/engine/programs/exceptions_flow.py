def div(a, b):
    try:
        r = a / b
    except ZeroDivisionError as e:
        print('caught', e)
        return None
    else:
        print('ok')
        return r
    finally:
        print('finally')
print(div(1, 2))
print(div(1, 0))
class AppError(Exception):
    pass
class Missing(AppError):
    def __init__(self, key):
        super_init = Exception.__init__
        super_init(self, 'missing ' + key)
        self.key = key
try:
    raise Missing('k')
except AppError as e:
    print(type(e).__name__, e, e.key, e.args)
try:
    try:
        {}['x']
    except KeyError as e:
        raise ValueError('bad')
except ValueError as e:
    print(repr(e), repr(e.__context__))
for i in range(4):
    try:
        if i == 1:
            continue
        if i == 3:
            break
        print('body', i)
    finally:
        print('fin', i)
try:
    int('x')
except (TypeError, ValueError) as e:
    print(e)
try:
    [1][5]
except LookupError as e:
    print(type(e).__name__, e)
