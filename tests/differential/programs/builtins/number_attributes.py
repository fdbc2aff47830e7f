# .real, .imag, .numerator, .denominator and conjugate() of ints, bools and floats.
for v in [5, -3, True, 2**70, 2.5, -0.0]:
    print(repr(v), v.real, v.imag, type(v.real).__name__, type(v.imag).__name__)
for v in [5, -3, True, 2**70]:
    print(v.numerator, v.denominator, v.conjugate())
print((2.5).is_integer(), (4.0).is_integer(), (255).bit_length())
try:
    print((2.5).numerator)
except AttributeError as e:
    print(e)
