# Uncaught TypeError assigning into a string.
# expect: TypeError: 'str' object does not support item assignment
word = "hello"
letters = list(word)
letters[0] = "j"
print("".join(letters))
print(word.replace("h", "j"), word[:1].upper() + word[1:])
print(word[0], word[-1])
word[0] = "j"
print("never printed")
