get = lambda: 123456
other = lambda: 123456
print(get() is other())
value = 123456
print(get() is value)
