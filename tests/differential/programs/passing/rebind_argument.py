def replace(bucket):
    bucket = ['replaced']
    return bucket
items = ['original']
result = replace(items)
print(items, result)
def increment(n):
    n += 1
    return n
count = 5
print(increment(count), count)
