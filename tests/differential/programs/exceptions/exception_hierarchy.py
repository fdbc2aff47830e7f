for exc in [ZeroDivisionError('z'), KeyError('k'), IndexError('i'), ValueError('v')]:
    try:
        raise exc
    except ArithmeticError:
        print('arithmetic', exc)
    except LookupError:
        print('lookup', exc)
    except Exception as e:
        print('other', type(e).__name__)
