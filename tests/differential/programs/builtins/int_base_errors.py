tests = [("5", 1), ("5", 37), ("z", 36), ("0o17", 0), ("017", 0), ("0", 0), ("0x1F", 16), ("1_000", 10), ("12", 3)]
for text, base in tests:
    try:
        print(text, base, int(text, base))
    except ValueError as e:
        print(text, base, "->", e)
try:
    int(5, 2)
except TypeError as e:
    print(e)
print(int("7", 8) + int("11", 2))
int("9", 8)
