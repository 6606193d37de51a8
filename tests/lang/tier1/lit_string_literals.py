# String literal forms: quotes, triple quotes, raw strings, implicit concatenation.
print('single', "double")
print('it\'s', "say \"hi\"", "it's", 'say "hi"')
print("""triple
double""")
print('''triple
single''')
s = """line1
line2
line3"""
print(len(s), s.count("\n"))
print(r"raw \n stays", R'C:\path\to', r'\\')
print(len(r"\n"), len("\n"))
print("adjacent" " strings" ' concatenate')
print("a" "b" "c" == "abc")
t = ("multi "
     "line "
     "concatenation")
print(t)
print('', "", '''''', repr(''))
print("tab\there", 'x' 'y')
print("""She said "yes" and 'no'""")
print(repr("""a\
b"""))
print(type("x"), str(), str() == "")
