# An uncaught exception: CPython prints a traceback and exits 1.
print('raising')
raise KeyError
