# Uncaught integer modulo by zero.
# expect: ZeroDivisionError: integer modulo by zero
values = [17, 5, 3, 0]
for i in range(len(values) - 1):
    print(values[i], "%", values[i + 1], "=", values[i] % values[i + 1])
print("now the failing one")
print(divmod(17, 5), 17 % -5, -17 % 5)
print("modulo by zero comes next")
remainders = [v % values[-1] for v in values[:3]]
print("never printed", remainders)
