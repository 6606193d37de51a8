# Uncaught KeyError whose key contains a quote: repr switches to double quotes.
# expect: KeyError: "it's"
phrases = {"its": 1, "it is": 2}
for k in phrases:
    print(repr(k), phrases[k])
wanted = "it" + "'" + "s"
print("wanted", wanted, len(wanted))
print(repr("it's"), repr('say "x"'))
print("keys are compared by value")
print(phrases[wanted])
