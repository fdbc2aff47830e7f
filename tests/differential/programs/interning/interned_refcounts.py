import sys
# 3.12 made every interned string immortal; 3.13 reverted that for strings interned at runtime.
s = sys.intern('runtime' + str(len([1, 2])))
print(sys.getrefcount(s))
t = s
print(sys.getrefcount(s))
plain = 'runtime' + str(len([1, 2, 3]))
print(sys.getrefcount(plain))
