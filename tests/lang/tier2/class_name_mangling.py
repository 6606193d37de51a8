# Private names: __name inside a class is mangled to _ClassName__name.
class Account:
    def __init__(self, balance):
        self.__balance = balance
        self._hint = "protected by convention"

    def balance(self):
        return self.__balance

    def __secret(self):
        return "secret of Account"

    def reveal(self):
        return self.__secret()


class Savings(Account):
    def __init__(self, balance):
        super().__init__(balance)
        self.__balance = "savings' own"

    def own(self):
        return self.__balance


a = Account(100)
print(a.balance(), a.reveal(), a._hint)
print(hasattr(a, "__balance"), hasattr(a, "_Account__balance"), a._Account__balance)
print(sorted(vars(a)))
s = Savings(50)
print(s.balance(), s.own(), sorted(vars(s)))
try:
    a.__secret()
except AttributeError as e:
    print("AttributeError:", e)
print(a._Account__secret())
class Dunder:
    __magic__ = "not mangled"
print(Dunder.__magic__)
