# Decorating methods: wrappers receive self; decorators combined with classmethod/property.
def logged(method):
    def wrapper(self, *args):
        print(f"{type(self).__name__}.{method.__name__}{args}")
        return method(self, *args)
    return wrapper

def positive(method):
    def wrapper(self, amount):
        if amount <= 0:
            raise ValueError(f"{method.__name__}: amount must be positive, got {amount}")
        return method(self, amount)
    return wrapper

class Wallet:
    def __init__(self):
        self.balance = 0

    @logged
    @positive
    def deposit(self, amount):
        self.balance += amount
        return self.balance

    @logged
    def reset(self):
        self.balance = 0

    @classmethod
    @logged
    def wrapped_classmethod(cls):
        return cls.__name__

w = Wallet()
print(w.deposit(10), w.deposit(5))
try:
    w.deposit(-1)
except ValueError as e:
    print("ValueError:", e)
w.reset()
print(w.balance)
print(Wallet.wrapped_classmethod())
