import sys
S = sys.getsizeof
print(S(0), S(1), S(2**30), S(2**64), S(-1), S(True), S(False))
print(S(1.5), S(''), S('a'), S('abc'), S('é'), S('日本'), S(None))
print(S([]), S([1]), S([1, 2, 3]), S([None] * 5), S(list(range(7))))
l = []
sizes = []
for i in range(10):
    l.append(i)
    sizes.append(S(l))
print(sizes)
print(S(()), S((1,)), S((1, 2, 3)), S({}), S({'a': 1}), S({1: 2, 3: 4}))
d = {}
ds = []
for i in range(12):
    d[i] = i
    ds.append(S(d))
print(ds)
print(S(set()), S({1, 2, 3}), S(set(range(5))), S(frozenset()), S(range(100)))
s = set()
ss = []
for i in range(20):
    s.add(i)
    ss.append(S(s))
print(ss)
class A:
    pass
class B:
    __slots__ = ('p',)
print(S(A()), S(B()))
def f():
    pass
print(S(f) > 100, S(A) > 800)
print(S([x for x in range(10)]), S([0] * 10), S(list((1, 2))), S('x' * 100))
