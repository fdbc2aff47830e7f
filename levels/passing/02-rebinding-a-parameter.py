def replace(items):
    items = ['other']
    return len(items)
basket = ['apple', 'pear']
print(replace(basket))
print(len(basket))
