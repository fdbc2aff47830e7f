# bin(), oct(), hex() and ascii(), as beginners print numbers in other bases.
for n in [0, 5, -5, 255, -255, 2**70, True]:
    print(n, bin(n), oct(n), hex(n))
print(ascii("naïve ☺ 😀"), ascii([1, "é"]), ascii("plain"))
print(int(bin(42), 2), int(hex(255), 16), int(oct(8), 8))
for bad in [lambda: bin(1.5), lambda: hex("a")]:
    try:
        bad()
    except TypeError as e:
        print(e)
