# Constant expressions are folded by the compiler with the same arithmetic as at run time.
x = 1
print(1 // 0.1, x // 0.1, 1 % 0.1, x % 0.1)
print(-7.5 // 2, 7.5 // -2, 2 ** -1, 10 ** -2, 2 ** -1074)
print(12345678901234567890 / 3, 12345678901234567890 / (x * 3))
print(1e308 * 10, -1e308 * 10, 1e-320 / 10)
try:
    print(2.0 ** 10000)
except OverflowError as e:
    print("OverflowError:", e)
try:
    print(10.0 ** 400)
except OverflowError as e:
    print("OverflowError:", e)
print(2 ** 0.5, 9 ** 0.5, 0.0 ** 0)
print(10 ** 400 // 10 ** 399, 1.5 % -1, -1.5 % 1)
