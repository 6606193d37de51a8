# while loops, with else (runs only when the loop was not broken), break and continue.
n = 0
while n < 5:
    n += 1
    if n == 2:
        continue
    print("n =", n)
else:
    print("while finished normally, n =", n)
m = 10
while m > 0:
    m -= 3
    if m < 5:
        print("breaking at", m)
        break
else:
    print("never printed")
k = 0
while k:
    print("never")
else:
    print("else runs even with zero iterations")
a, b = 1071, 462
while b:
    a, b = b, a % b
print("gcd", a)
count = 0
outer = 0
while outer < 3:
    inner = 0
    while inner < 3:
        if inner == outer:
            inner += 1
            continue
        count += 1
        inner += 1
    outer += 1
print("pairs", count)
x = 27
steps = 0
while x != 1:
    x = x // 2 if x % 2 == 0 else 3 * x + 1
    steps += 1
print("collatz steps", steps)
