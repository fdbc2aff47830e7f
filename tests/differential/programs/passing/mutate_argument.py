def add_item(bucket):
    bucket.append('new')
items = ['old']
add_item(items)
print(items)
def add_twice(bucket):
    add_item(bucket)
    add_item(bucket)
add_twice(items)
print(items)
