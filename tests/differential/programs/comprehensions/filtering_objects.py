class Item:
    def __init__(self, price):
        self.price = price
items = [Item(p) for p in [5, 12, 8, 20]]
cheap = [i for i in items if i.price < 10]
print([i.price for i in cheap])
print(cheap[0] is items[0], len(cheap))
totals = {i.price: i.price * 2 for i in items if i.price > 5}
print(totals)
