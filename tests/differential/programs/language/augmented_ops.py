x = 10
x += 5
x -= 3
x *= 2
x //= 5
x **= 2
x %= 7
print(x)
s = 'a'
s += 'b'
s *= 3
print(s)
lst = [1]
alias = lst
lst += [2]
lst *= 2
print(lst, alias, lst is alias)
t = (1,)
t_alias = t
t += (2,)
print(t, t_alias, t is t_alias)
