import sys
a = 'hello world'
def greeting():
    return 'hello world'
print(greeting() is a)
words = ['hello', 'world']
built = ' '.join(words)
print(built == a)
print(built is a)
print(sys.intern(built) is a)
