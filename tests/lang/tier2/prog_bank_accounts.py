# Bank accounts: inheritance, super(), class attributes, properties and an audit with generators.
class Account:
    next_number = 1000
    fee = 0

    def __init__(self, owner, balance=0):
        self.owner = owner
        self._balance = balance
        self.number = Account.next_number
        Account.next_number += 1
        self.history = []

    @property
    def balance(self):
        return self._balance

    def deposit(self, amount):
        if amount <= 0:
            raise ValueError("deposit must be positive")
        self._balance += amount
        self.history.append(("deposit", amount))

    def withdraw(self, amount):
        total = amount + self.fee
        if total > self._balance:
            raise ValueError(f"insufficient funds in {self.number}")
        self._balance -= total
        self.history.append(("withdraw", total))

    def __str__(self):
        return f"{type(self).__name__} #{self.number} ({self.owner}): {self._balance:.2f}"

class Checking(Account):
    fee = 1

class Savings(Account):
    rate = 0.02

    def add_interest(self):
        interest = round(self._balance * self.rate, 2)
        self.deposit(interest)
        return interest

    def withdraw(self, amount):
        if len([h for h in self.history if h[0] == "withdraw"]) >= 2:
            raise ValueError("savings: withdrawal limit reached")
        super().withdraw(amount)

def transactions(accounts):
    for account in accounts:
        for kind, amount in account.history:
            yield account.number, kind, amount

accounts = [Checking("ann", 100), Savings("bob", 1000), Account("cid")]
ops = [(0, "withdraw", 30), (1, "withdraw", 100), (2, "deposit", 50), (1, "withdraw", 5),
       (1, "withdraw", 1), (0, "withdraw", 100), (2, "deposit", -5), (0, "deposit", 25)]
for index, action, amount in ops:
    try:
        getattr(accounts[index], action)(amount)
    except ValueError as e:
        print("error:", e)
print(accounts[1].add_interest())
for account in accounts:
    print(account)
print(list(transactions(accounts)))
print(sum(amount for _, kind, amount in transactions(accounts) if kind == "deposit"))
print(Account.next_number, Checking.fee, Savings.fee, isinstance(accounts[1], Account))
