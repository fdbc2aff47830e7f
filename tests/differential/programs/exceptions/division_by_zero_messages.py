# The ZeroDivisionError messages changed between versions (int %, float %).
tests = [
    ("5 % 0", lambda: 5 % 0),
    ("5 // 0", lambda: 5 // 0),
    ("5 / 0", lambda: 5 / 0),
    ("5.0 % 0", lambda: 5.0 % 0),
    ("5.0 // 0", lambda: 5.0 // 0),
    ("5.0 / 0", lambda: 5.0 / 0),
    ("0 ** -1", lambda: 0 ** -1),
    ("0.0 ** -1", lambda: 0.0 ** -1),
]
for text, f in tests:
    try:
        f()
    except ZeroDivisionError as e:
        print(f"{text:<16}{e}")
balance = 100
people = 0
print(balance % people)
