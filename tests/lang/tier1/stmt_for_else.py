# for/else, break, continue, nested loops, loop variable after the loop.
for n in range(2, 20):
    for d in range(2, n):
        if n % d == 0:
            print(n, "=", d, "*", n // d)
            break
    else:
        print(n, "is prime")
for i in range(3):
    pass
else:
    print("completed, i =", i)
for i in []:
    print("never")
else:
    print("else on empty iterable")
total = 0
for i in range(10):
    if i % 2:
        continue
    if i > 6:
        break
    total += i
print("total", total, "stopped at", i)
target = 7
for row in range(3):
    for col in range(3):
        if row * 3 + col == target:
            print("found at", row, col)
            break
    else:
        continue
    break
for ch in "hello":
    if ch == "z":
        break
else:
    print("no z in hello")
