const = 5000
made = int('5000')
print(const == made, const is made)
half = 2500
doubled = half * 2
print(doubled == const, doubled is const)
folded = 2500 * 2
print(folded is const)
