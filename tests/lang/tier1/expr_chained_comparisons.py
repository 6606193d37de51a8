# Chained comparisons evaluate each operand at most once and short-circuit.
def v(x):
    print("eval", x)
    return x
print(1 < 2 < 3, 1 < 3 < 2, 3 > 2 > 1, 1 == 1 == 1, 1 < 2 > 0, 1 != 2 != 1)
print(v(1) < v(2) < v(3))
print(v(3) < v(2) < v(1))
print(v(1) < v(5) == v(5) >= v(4))
x = 5
print(0 < x < 10, 0 < x < 5, 0 <= x <= 5, x > 3 < 4, 10 > x > 5)
print(1 < 2 < 3 < 4 < 5 < 4, "a" < "b" < "c", [1] < [2] < [3])
print(1 in [1, 2] in [[1, 2]], 2 not in [1] == True)
a = b = c = 7
print(a == b == c, a is b is c, a < b <= c)
lo, hi = 10, 20
for n in [5, 10, 15, 20, 25]:
    print(n, lo <= n < hi, not lo <= n < hi)
print((1 < 2) < 3, 1 < (2 < 3), (3 > 2) == 1)
