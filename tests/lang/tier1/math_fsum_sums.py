# math.fsum is exactly rounded; plain sum accumulates rounding error.
import math
data = [0.1] * 10
print(sum(data), math.fsum(data), math.fsum(data) == 1.0)
print(math.fsum([1e100, 1.0, -1e100]), sum([1e100, 1.0, -1e100]))
print(math.fsum([0.1, 0.2, 0.3]), math.fsum([]), math.fsum([1, 2, 3]), type(math.fsum([1])).__name__)
print(math.fsum([1e-16] * 10 + [1.0]), sum([1.0] + [1e-16] * 10))
print(math.fsum(x / 10 for x in range(1, 11)), sum(x / 10 for x in range(1, 11)))
print(math.fsum([math.inf, 1.0]), math.fsum([2.0 ** 53, 1.0, 1.0]), sum([2.0 ** 53, 1.0, 1.0]))
vals = [1.23, 4.56, 7.89, -1.23, -4.56]
print(math.fsum(vals), sum(vals), round(sum(vals), 10))
