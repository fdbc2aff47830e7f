import sys
# A start-up word's excess is only a baseline: references the program adds on top of it (names,
# containers, instance attributes) count as usual and go away again.
R = sys.getrefcount
s = 'value'
before = R(s)
box = [s, s, s]
print(R(s) - before)
d = {'data': s, 'text': s}
print(R(s) - before, R('data') - R('text') + 0 * len(d))
del box
print(R(s) - before)
d.clear()
print(R(s) - before)


class Holder:
    pass


h = Holder()
h.attr = s
print(R(s) - before)
del h
print(R(s) - before, R('hello') == R('apple'))
