# An uncaught user exception: the last line is the class name and str(exception).
# expect: InsufficientFunds: cannot withdraw 80 from a balance of 50
class BankError(Exception):
    pass
class InsufficientFunds(BankError):
    pass
def withdraw(balance, amount):
    if amount > balance:
        raise InsufficientFunds(f"cannot withdraw {amount} from a balance of {balance}")
    return balance - amount
print(withdraw(100, 30))
print(withdraw(50, 80))
