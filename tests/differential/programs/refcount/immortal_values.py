import sys
# 3.12+ report one fixed huge count for immortal objects; 3.11 adds a billion to the real count.
print(sys.getrefcount(None) == 4294967295)
print(sys.getrefcount(7) == 4294967295)
print(sys.getrefcount(()) == 4294967295)
print(sys.getrefcount(None) >= 1000000000)
