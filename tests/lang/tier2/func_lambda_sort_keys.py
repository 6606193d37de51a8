# Lambdas as sort keys, min/max keys, and in data-driven dispatch.
people = [("ann", 31, "paris"), ("bob", 25, "rome"), ("cid", 31, "oslo"), ("dee", 22, "rome")]
print(sorted(people, key=lambda p: p[1]))
print(sorted(people, key=lambda p: (-p[1], p[0])))
print(sorted(people, key=lambda p: (p[2], p[0]), reverse=True))
print(min(people, key=lambda p: p[1])[0], max(people, key=lambda p: len(p[2]))[0])
words = ["banana", "Apple", "cherry", "apple", "Date"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=lambda w: (len(w), w)))
print(sorted(words, key=lambda w: w[-1]))
scores = {"x": 3, "y": 1, "z": 2}
print(sorted(scores, key=lambda k: scores[k]), sorted(scores.items(), key=lambda kv: -kv[1]))
ops = {"+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b}
print([ops[o](7, 3) for o in "+-*"])
compose = lambda f, g: lambda x: f(g(x))
inc_then_double = compose(lambda x: x * 2, lambda x: x + 1)
print(inc_then_double(5))
print(list(map(lambda x: x ** 2, filter(lambda x: x % 3 == 0, range(10)))))
nested = [[3, 1], [2], [], [5, 5, 5]]
nested.sort(key=lambda l: sum(l))
print(nested)
print((lambda *a, **k: (a, sorted(k)))(1, 2, z=3, y=4))
