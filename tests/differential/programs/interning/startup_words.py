import sys
# CPython's own start-up already interned many identifier-like words (builtins, the interpreter's
# static strings, the stdlib modules site loads): a constant equal to one of them is that object
# and starts with its references (3.10, 3.11), or is immortal (3.12; 3.13 for strings interned
# during start-up). Fresh words ('hello', 'apple') have only the program's own references.
R = sys.getrefcount
print(R('data'), R('value'), R('key'), R('text'), R('True'), R('False'))
print(R('python'), R('spam'), R('hello'), R('world'), R('apple'))
print(R('start'), R('end'), R('items'), R('result'), R('first'), R('last'))


def show():
    return R('data'), R('value'), R('spam'), R('hello'), R('banana'), R('stop')


print(show())
print(R('stop'), R('banana'))
