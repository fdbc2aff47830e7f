import sys
first = 'spam'
second = 'spam'
print(first is second)
part = 'sp'
joined = part + 'am'
print(joined is first)
print(joined == first)
print(sys.intern(joined) is first)
