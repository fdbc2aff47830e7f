import sys
for s in ['', 'a', 'ab', 'hello', 'hello world', 'x' * 100]:
    print(len(s), sys.getsizeof(s))
print(sys.getsizeof(sys.intern('interned_name')), sys.getsizeof(''.join(['interned', '_name'])))
