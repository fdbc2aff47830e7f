import sys
def make_number(base):
    n = base ** 20
    return n
result = make_number(10)
alias = result
print(sys.getrefcount(result))
print(sys.getsizeof(result))
