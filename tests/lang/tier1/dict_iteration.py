# Iterating dicts: keys, values, items, enumerate, sorted, reversed, modifying values.
prices = {"apple": 1.25, "bread": 2.5, "cheese": 7.0, "dates": 4.75}
for name in prices:
    print(name, end=" ")
print()
for price in prices.values():
    print(price, end=" ")
print()
for i, (name, price) in enumerate(prices.items(), start=1):
    print(i, name, price)
for name in sorted(prices, key=prices.get, reverse=True):
    print(f"{name:>7}: {prices[name]:5.2f}")
for name in reversed(prices):
    print("reversed", name)
for name in prices:
    prices[name] = round(prices[name] * 1.1, 2)
print(prices)
for name in list(prices):
    if prices[name] > 5:
        del prices[name]
print(prices, len(prices))
total = 0
for value in prices.values():
    total += value
print(round(total, 2), sum(prices.values()) == total)
