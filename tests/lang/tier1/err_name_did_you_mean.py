# CPython 3.11 appends a suggestion for a near-miss name to the uncaught NameError.
# expect: NameError: name 'countr' is not defined. Did you mean: 'counter'?
counter = 0
for word in ["a", "b", "c"]:
    counter += 1
    print(word, counter)
print("final", counter)
print("names resolve at run time")
print("a misspelled name fails only when it runs")
print(countr)
