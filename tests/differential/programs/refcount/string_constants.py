import sys
# Non-identifier strings are never interned: their counts are the same on every version.
greeting = 'hello, world!'
print(sys.getrefcount(greeting))
other = 'hello, world!'
print(sys.getrefcount(greeting), greeting is other)
built = ''.join(['hello', ', world!'])
print(sys.getrefcount(built), built == greeting, built is greeting)
