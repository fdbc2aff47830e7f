# Format specs a type refuses, with CPython's messages.
def show(value, spec):
    try:
        print(repr(value), repr(spec), repr(f"{value:{spec}}"))
    except (ValueError, TypeError) as e:
        print(repr(value), repr(spec), "->", e)
for spec in ["05", "<05", "=5", "+5", "#5", ",", "_", ">5", "^7"]:
    show("abc", spec)
for spec in [",s", ",x", "_x", "_b", ",n", ",d", ".2d", "s", "c"]:
    show(255, spec)
for spec in [",e", "_f", ",%", "d", "x", ",n"]:
    show(2.5, spec)
show([1, 2], ">5")
show(None, "")
