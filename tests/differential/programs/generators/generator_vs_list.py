squares = [x * x for x in range(5)]
gen = (x * x for x in range(5))
print(squares)
print(list(gen))
print(list(gen))
print(sum(x * x for x in range(5)))
