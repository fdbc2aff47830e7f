funcs = []
for i in range(3):
    funcs.append(lambda: i)
print([f() for f in funcs])
fixed = []
for i in range(3):
    fixed.append(lambda i=i: i)
print([f() for f in fixed])
