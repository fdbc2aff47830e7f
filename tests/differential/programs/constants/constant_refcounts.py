import sys
# One constant object: held by co_consts, the parser's tree while the file runs, and each name.
x = 70000
print(sys.getrefcount(x))
y = 70000
print(sys.getrefcount(x))
def f():
    return 70000
print(sys.getrefcount(x))
del y
print(sys.getrefcount(x))
