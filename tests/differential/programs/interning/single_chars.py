# One-character latin-1 strings are cached, however they are made.
word = 'banana'
first = word[0]
print(first is word[0])
print(word[1] is word[3])
letters = list(word)
print(letters[1] is letters[3])
print(str(7) == '7')
