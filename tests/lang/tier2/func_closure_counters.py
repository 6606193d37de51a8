# Closures and nonlocal: counters, accumulators and independent cells.
def make_counter(start=0, step=1):
    count = start
    def increment():
        nonlocal count
        count += step
        return count
    def reset():
        nonlocal count
        count = start
    return increment, reset

inc_a, reset_a = make_counter()
inc_b, _ = make_counter(100, 10)
print(inc_a(), inc_a(), inc_b(), inc_a(), inc_b())
reset_a()
print(inc_a())
def make_averager():
    values = []
    def add(v):
        values.append(v)
        return sum(values) / len(values)
    return add
avg = make_averager()
print(avg(10), avg(20), avg(60))
print(avg.__closure__[0].cell_contents)
def outer():
    x = "outer"
    def middle():
        x = "middle"
        def inner():
            nonlocal x
            x = x + "+inner"
            return x
        return inner(), x
    return middle(), x
print(outer())
def make_multipliers():
    return [lambda v, k=k: v * k for k in range(1, 4)], [lambda v: v * k for k in range(1, 4)]
early, late = make_multipliers()
print([f(10) for f in early], [f(10) for f in late])
def bank(balance):
    def tx(amount):
        nonlocal balance
        if balance + amount < 0:
            return "refused"
        balance += amount
        return balance
    return tx
acct = bank(50)
print(acct(-20), acct(-40), acct(100))
