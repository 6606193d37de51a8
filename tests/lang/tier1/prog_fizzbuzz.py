# FizzBuzz in three styles that must agree.
def fizzbuzz_if(n):
    if n % 15 == 0:
        return "FizzBuzz"
    elif n % 3 == 0:
        return "Fizz"
    elif n % 5 == 0:
        return "Buzz"
    return str(n)
def fizzbuzz_concat(n):
    return ("Fizz" * (n % 3 == 0) + "Buzz" * (n % 5 == 0)) or str(n)
table = {3: "Fizz", 5: "Buzz"}
def fizzbuzz_table(n):
    out = "".join(word for d, word in table.items() if n % d == 0)
    return out if out else str(n)
for n in range(1, 31):
    a, b, c = fizzbuzz_if(n), fizzbuzz_concat(n), fizzbuzz_table(n)
    print(n, a, a == b == c)
counts = {}
for n in range(1, 101):
    key = fizzbuzz_if(n)
    key = key if not key.isdigit() else "number"
    counts[key] = counts.get(key, 0) + 1
print(counts)
