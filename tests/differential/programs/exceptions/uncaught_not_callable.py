# An uncaught exception: CPython prints a traceback and exits 1.
numbers = [1, 2, 3]
print(numbers(0))
