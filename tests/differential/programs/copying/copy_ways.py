import copy
src = [[0], [1]]
copies = [src[:], list(src), src.copy(), copy.copy(src), [x for x in src]]
print([c is src for c in copies])
print([c[0] is src[0] for c in copies])
d = copy.deepcopy(src)
print(d[0] is src[0])
