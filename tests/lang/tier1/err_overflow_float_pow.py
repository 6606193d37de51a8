# Uncaught OverflowError from a float power that exceeds the double range.
# expect: OverflowError: (34, 'Numerical result out of range')
base = 10.0
for exp in [10, 100, 300, 308]:
    print(exp, base ** exp)
print("int power is exact:", len(str(10 ** 400)))
print(2.0 ** 1023, 2.0 ** -1074)
print((-10.0) ** 3, 10.0 ** -400)
print("float pow of ints: ", 10 ** 2.0)
print(base ** 400)
