# __len__ must not return a negative number.
# expect: ValueError: __len__() should return >= 0
class Balance:
    def __init__(self, amount):
        self.amount = amount
    def __len__(self):
        return self.amount
print(len(Balance(5)), bool(Balance(0)))
b = Balance(-3)
print(b.amount)
print(len(b))
