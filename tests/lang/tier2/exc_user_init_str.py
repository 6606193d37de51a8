# Exceptions with a custom __init__ (extra fields) and a custom __str__.
class InsufficientFunds(Exception):
    def __init__(self, balance, amount):
        super().__init__(balance, amount)
        self.balance = balance
        self.amount = amount

    def __str__(self):
        return f"balance {self.balance} is less than {self.amount}"


class ParseError(ValueError):
    def __init__(self, line, message):
        super().__init__(f"line {line}: {message}")
        self.line = line


try:
    raise InsufficientFunds(10, 25)
except InsufficientFunds as e:
    print(e)
    print(repr(e), e.args, e.balance, e.amount)
    print(f"[{e}]", str(e), type(e).__name__)
try:
    raise ParseError(7, "unexpected token")
except ValueError as e:
    print(e, "|", e.args, "|", e.line, "|", repr(e))
class Quiet(Exception):
    def __init__(self):
        pass             # does not call super().__init__
try:
    raise Quiet()
except Quiet as q:
    print(repr(str(q)), q.args, repr(q))
class WithDefault(Exception):
    def __init__(self, message="default message"):
        super().__init__(message)
for exc in (WithDefault(), WithDefault("custom")):
    print(exc, exc.args)
