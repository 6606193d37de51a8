# Basic int arithmetic: + - * unary ops, precedence, results stay ints.
a, b = 17, 5
print(a + b, a - b, a * b, b - a)
print(-a, +a, -(-a), --a, -+-a)
print(a + b * 2, (a + b) * 2, a - b - 2, a - (b - 2))
print(2 * 3 + 4 * 5, 2 * (3 + 4) * 5)
print(0 * 12345, 1 * -1, -1 * -1)
print(a * 0 == 0, a - a, a + -a)
x = 10
x = x + 1
x = x * 3
x = x - 100
print(x, type(x))
total = 0
for i in range(1, 101):
    total = total + i
print(total)
product = 1
for i in range(1, 11):
    product = product * i
print(product)
print(1000000 * 1000000, 123456789 * 987654321)
print(abs(-42), abs(42), abs(0))
print(7 - 10, -3 + 3, 2 - -2)
print(3 + 4 - 5 * 6 // 7 % 8)
