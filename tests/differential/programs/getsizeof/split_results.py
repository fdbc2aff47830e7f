# How big is the list str.split() returns? It depends on how many pieces it expected.
import sys
S = sys.getsizeof
sentence = "the quick brown fox jumps over the lazy dog"
words = sentence.split()
print(len(words), S(words), S(sentence.split(" ")), S(sentence.rsplit()), S(sentence.split(None, 2)))
for n in (0, 1, 2, 3, 6, 11, 12, 13, 20):
    text = " ".join(["w"] * n)
    csv = ",".join(["w"] * n)
    print(n, S(text.split()), S(csv.split(",")), S(csv.split(",", 1)), S(text.splitlines()))
lines = "one\ntwo\nthree".splitlines()
print(S(lines), S("a::b::c".split("::")), S("x".split("::")), S("".split()))
grown = "a b".split()
grown.append("c")
print(S(grown))
more = "a,b".split(",")
more.insert(0, "z")
print(S(more))
