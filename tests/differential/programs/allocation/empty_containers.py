# The empty tuple and empty string are single shared objects; empty lists and dicts are not.
t1 = ()
t2 = tuple()
t3 = tuple([])
print(t1 is t2, t2 is t3)
s1 = ''
s2 = str()
s3 = 'abc'[3:]
print(s1 is s2, s2 is s3)
print([] is [], {} is {})
fs1 = frozenset()
fs2 = frozenset()
print(fs1 == fs2)
