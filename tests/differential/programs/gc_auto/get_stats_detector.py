import gc

class Cell:
    pass

before = gc.get_stats()[0]['collections']
for i in range(3000):
    c = Cell()
    c.me = c
after = gc.get_stats()
print('automatic collections happened:', after[0]['collections'] > before)
print('some cycles were collected:', after[0]['collected'] + after[1]['collected'] > 0)
gc.collect()
print(gc.get_count())
print(gc.get_stats()[2]['collections'] >= 1)
