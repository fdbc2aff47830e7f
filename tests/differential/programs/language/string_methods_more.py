# The str methods beginners reach for, with their arguments and error messages.
s = "  Hello, World! Hello!  "
methods = [
    ("strip", ()), ("lstrip", ()), ("rstrip", ()), ("strip", (" !",)), ("lower", ()), ("upper", ()), ("title", ()),
    ("capitalize", ()), ("swapcase", ()), ("casefold", ()), ("split", ()), ("split", (",",)), ("split", ("l", 2)),
    ("rsplit", ("l", 1)), ("splitlines", ()), ("partition", ("o",)), ("rpartition", ("o",)), ("find", ("Hello",)),
    ("find", ("Hello", 5)), ("rfind", ("Hello",)), ("index", ("World",)), ("rindex", ("l",)), ("count", ("l",)),
    ("count", ("l", 5, 12)), ("startswith", ("  He",)), ("startswith", ("He", 2)), ("endswith", ("!  ",)),
    ("replace", ("Hello", "Bye")), ("replace", ("l", "", 2)), ("center", (30, "-")), ("ljust", (28, ".")),
    ("rjust", (28,)), ("zfill", (28,)), ("isalpha", ()), ("isdigit", ()), ("isspace", ()), ("istitle", ()),
    ("isupper", ()), ("islower", ()), ("isalnum", ()), ("isnumeric", ()), ("isdecimal", ()), ("isidentifier", ()),
    ("expandtabs", ()), ("encode", ()) if False else ("strip", ()), ("removeprefix", ("  He",)), ("removesuffix", ("!  ",)),
]
for name, args in methods:
    try:
        print(name, args, repr(getattr(s, name)(*args)))
    except (ValueError, TypeError, AttributeError) as e:
        print(name, args, "->", type(e).__name__, e)
