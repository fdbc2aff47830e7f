# find/index/count/startswith count code points (an emoji is one), and a start past the end finds nothing.
s = "a😀b😀c"
for args in [("b",), ("😀",), ("😀", 2), ("c", 0, 4), ("", 5), ("", 6), ("", 7), ("x",), ("😀c",), ("", -2), ("b", -10, -1)]:
    print(args, s.find(*args), s.rfind(*args), "abc".find(*args), "abc".rfind(*args))
print("abc".find("", 3), "abc".find("", 4), "abc".rfind("", 4), "hello".find("l", -2), "hello".rfind("l", 0, 3))
print("a😀b".index("b"), "a😀b😀".rindex("😀"))
try:
    "abc".index("", 5)
except ValueError as e:
    print(e)
print(s.count("😀", 2), s.count("b", 0, 3), s.startswith("b", 2), s.endswith("😀", 0, 4), s[1:3], len(s), s.split("b"), s.replace("😀", "-", 1), s.center(9, "*"), s[::-1], s.upper())
