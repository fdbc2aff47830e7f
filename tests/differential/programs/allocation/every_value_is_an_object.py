# Every value is an object: ints, strings and lists alike have a type and an identity.
x = 42
s = 'hello'
lst = [1, 2, 3]
print(type(x), type(s), type(lst))
print(isinstance(x, int), isinstance(s, str), isinstance(lst, list))
y = x
print(y is x, id(y) == id(x))
lst2 = lst
lst2.append(4)
print(lst, lst is lst2)
