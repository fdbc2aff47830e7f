print(str(12), str(1.0), str(None), str([1, 'a']), str((1,)), str({'k': 1}))
print(repr('a'), repr(1.5), repr([1, '2']))
print(int('0'), int('-12'), int('  7  '), int(True))
print(bool(0), bool(''), bool([]), bool([0]), bool(None), bool('False'))
