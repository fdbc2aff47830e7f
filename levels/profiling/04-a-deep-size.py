import sys
def total_size(obj):
    size = sys.getsizeof(obj)
    if isinstance(obj, list):
        for item in obj:
            size += total_size(item)
    return size
words = ['cat', 'dog']
print(sys.getsizeof(words))
print(total_size(words))
