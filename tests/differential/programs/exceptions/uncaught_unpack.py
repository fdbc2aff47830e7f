# An uncaught exception: CPython prints a traceback and exits 1.
point = (1, 2, 3)
x, y = point
