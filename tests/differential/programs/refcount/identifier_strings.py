import sys
# Identifier-like constants are interned; 3.12 makes interned strings immortal.
name = 'spam_and_eggs'
print(sys.getrefcount(name))
runtime = sys.intern('spam' + '_' + 'eggs_' + str(2))
print(sys.getrefcount(runtime))
print(sys.getrefcount(runtime) > 1000)
