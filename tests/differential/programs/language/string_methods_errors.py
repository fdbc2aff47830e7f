# More str methods: join/split edge cases, counting, and the errors they raise.
print("-".join(["a", "b"]), ",".join("xyz"), " ".join(str(i) for i in range(3)))
print("a\tb".expandtabs(4), "ab".join("12"), "x".center(4), "abc".center(6, "*"), "42".rjust(5, "0"), "-42".zfill(5))
print("one two".split(" "), " a b ".split(" "), "a,b,".split(","), "".split(","), "a".split("a"), "aXbXc".split("X", 1))
print("Mississippi".count("ss"), "Mississippi".count(""), "abc".find(""), "abc".rfind(""), "abc".index("c"))
print("hello world".title(), "HELLO".capitalize(), "ß".upper(), "İ".lower() == "i̇")
try:
    "abc".index("z")
except ValueError as e:
    print(e)
try:
    "abc".rindex("z")
except ValueError as e:
    print(e)
try:
    "a".center("x")
except TypeError as e:
    print(e)
try:
    "abc".split("")
except ValueError as e:
    print(e)
try:
    "abc".replace(1, 2)
except TypeError as e:
    print(e)
try:
    "abc".startswith(["a"])
except TypeError as e:
    print(e)
