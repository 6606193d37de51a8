# List comprehensions: mapping, filtering, conditional values, function calls.
print([x * 2 for x in range(6)], [x for x in range(20) if x % 3 == 0 if x % 2 == 0])
print([c.upper() for c in "abc"], [len(w) for w in "a bb ccc".split()])
print([x if x > 0 else 0 for x in [-2, -1, 0, 1, 2]], [abs(x) for x in [-3, 3]])
print([(x, x ** 2) for x in range(4)], [str(x) for x in [1, 2.5, None]])
print([k for k, v in {"a": 1, "b": 0, "c": 2}.items() if v])
print([w for w in ["apple", "Bob", "cat", "Dog"] if w[0].isupper()])
print(sum([x for x in range(101)]), len([0 for _ in range(7)]), [[]] + [[] for _ in range(2)])
primes = [n for n in range(2, 50) if all(n % d for d in range(2, int(n ** 0.5) + 1))]
print(primes)
words = ["hello", "world", "python"]
print([w[::-1] for w in words], [w for w in words if "o" in w], [w[0] for w in words])
print([i * j for i, j in zip([1, 2, 3], [4, 5, 6])], [i for i, _ in enumerate("abc")])
print([[x] * x for x in range(4)], [x for x in [] if x], [y for y in "a"])
