# Calling with keyword arguments: any order, mixed with positionals, with defaults.
def describe(name, age, city="unknown", job="none"):
    return f"{name} ({age}) from {city}, job: {job}"
print(describe("Ann", 30))
print(describe(age=25, name="Bob"))
print(describe("Cy", 40, job="chef"))
print(describe("Di", city="Oslo", age=22))
print(describe(*["Ed", 50], **{"job": "pilot", "city": "Rome"}))
def order(a, b, c):
    return [a, b, c]
print(order(1, 2, 3), order(c=3, a=1, b=2), order(1, c=3, b=2))
print(sorted([3, 1, 2], reverse=True), sorted(["bb", "a"], key=len))
print("a-b".split(sep="-"), int("ff", base=16), " x ".strip(), dict(one=1, two=2))
print(max([1, 5, 3], key=lambda v: -v), min([], default="empty"), print("kw", end="!\n", sep="") is None)
def show(**kwargs):
    return list(kwargs.items())
print(show(z=1, a=2, m=3), show())
