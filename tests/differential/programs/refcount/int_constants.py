import sys
# A constant is held by the code object's co_consts and, while the file runs, by the parser.
n = 12345
print(sys.getrefcount(n))
m = 12345
print(sys.getrefcount(n), n is m)
parsed = int('12345')
print(sys.getrefcount(parsed), parsed is n)
big = 2 ** 100
print(sys.getrefcount(big))
