def evens(limit):
    for n in range(limit):
        if n % 2 == 0:
            yield n
gen = evens(10)
print(sum(gen))
print(sum(gen))
