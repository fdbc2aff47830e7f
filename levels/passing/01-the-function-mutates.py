def add_item(items):
    print(items is basket)
    items.append('new')
basket = ['apple']
add_item(basket)
print(len(basket))
