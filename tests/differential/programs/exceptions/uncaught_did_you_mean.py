# expects NameError
counter = 1
print(countr)
