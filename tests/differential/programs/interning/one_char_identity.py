# One-character strings: the runtime's cache versus the compiler's interned constants.
import sys
text = "a+Z_7!"
consts = ["a", "+", "Z", "_", "7", "!"]
print("index   ", [text[i] is consts[i] for i in range(len(text))])
print("iterate ", [c is k for c, k in zip(text, consts)])
print("intern  ", [sys.intern(text[i]) is consts[i] for i in range(len(text))])
print("slice   ", [text[i:i + 1] is text[i] for i in range(len(text))])
print("split   ", [p is k for p, k in zip("a,+,Z".split(","), consts)])
print("strip   ", [(" " + k + " ").strip() is k for k in consts])
low, up = "aA"
print("case    ", low.upper() is up, up.lower() is low, up.lower() is text[0])
digits = "012"
print("str(int)", [str(i) is digits[i] for i in range(3)], [str(i) is str(i) for i in range(3)])
print("f-string", [f"{i}" is digits[i] for i in range(3)], [f"{i:d}" is digits[i] for i in range(3)])
print("format  ", ["{}".format(i) is digits[i] for i in range(3)], [repr(i) is digits[i] for i in range(3)])
q = "q"
print("join    ", "".join([q, ""]) is q, "".join([q]) is q, "".join(["", q]) is q)
names = ["True", "False"]
print("bool    ", str(True) is str(True), repr(False) is repr(False))
print("bool    ", str(True) is names[0], str(False) is names[1])
