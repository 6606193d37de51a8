# Uncaught AssertionError with a message.
# expect: AssertionError: balance went negative: -5
balance = 10
limits = {"min": 0, "max": 100}
assert limits["min"] < limits["max"], "bad limits"
print("limits ok", limits)
for amount in [3, 4, 8]:
    balance -= amount
    print("balance", balance)
    assert balance >= 0, f"balance went negative: {balance}"
print("never printed")
