# A small bank simulation using closures and dicts instead of classes.
def make_account(owner, balance=0):
    history = []
    def deposit(amount):
        nonlocal balance
        if amount <= 0:
            raise ValueError("deposit must be positive")
        balance += amount
        history.append(("deposit", amount))
        return balance
    def withdraw(amount):
        nonlocal balance
        if amount > balance:
            raise ValueError(f"insufficient funds: balance {balance}, requested {amount}")
        balance -= amount
        history.append(("withdraw", amount))
        return balance
    def report():
        return f"{owner}: {balance} after {len(history)} operations"
    return {"deposit": deposit, "withdraw": withdraw, "report": report, "history": history}
accounts = {name: make_account(name, start) for name, start in [("ann", 100), ("bob", 0)]}
operations = [("ann", "withdraw", 30), ("bob", "deposit", 50), ("bob", "withdraw", 80),
              ("ann", "deposit", -5), ("ann", "deposit", 12), ("bob", "withdraw", 50)]
for name, op, amount in operations:
    try:
        result = accounts[name][op](amount)
        print(f"{name} {op} {amount} -> {result}")
    except ValueError as e:
        print(f"{name} {op} {amount} failed: {e}")
for acct in accounts.values():
    print(acct["report"](), acct["history"])
