# math.factorial of a negative number.
# expect: ValueError: factorial() not defined for negative values
import math
for n in range(6):
    print(n, math.factorial(n))
print(math.factorial(20))
n = -3
print(abs(n))
print(math.factorial(abs(n)))
print(math.factorial(n))
