# Closures capture variables (cells), not values; each call of the outer function makes new cells.
def make_multiplier(n):
    def multiply(x):
        return x * n
    return multiply
double, triple = make_multiplier(2), make_multiplier(3)
print(double(5), triple(5), double(triple(2)))
def make_account(balance):
    def deposit(amount):
        nonlocal balance
        balance += amount
        return balance
    def get():
        return balance
    return deposit, get
dep, get = make_account(100)
dep(50)
dep(-30)
print(get())
dep2, get2 = make_account(0)
dep2(1)
print(get(), get2())
def outer():
    value = "before"
    def reader():
        return value
    value = "after"
    return reader
print(outer()())
def counter_factory():
    counts = {}
    def count(word):
        counts[word] = counts.get(word, 0) + 1
        return counts[word]
    return count
c = counter_factory()
print([c(w) for w in "a b a a b".split()])
def compose(*fns):
    def run(x):
        for fn in reversed(fns):
            x = fn(x)
        return x
    return run
print(compose(str, abs, lambda v: v - 10)(3))
print(callable(double), double.__name__, make_account(1)[1].__name__)
