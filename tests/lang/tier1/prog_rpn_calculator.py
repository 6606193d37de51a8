# A reverse-Polish-notation calculator with error handling.
def evaluate(expression):
    stack = []
    ops = {"+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b,
           "/": lambda a, b: a / b, "//": lambda a, b: a // b, "%": lambda a, b: a % b, "**": lambda a, b: a ** b}
    for token in expression.split():
        if token in ops:
            if len(stack) < 2:
                raise ValueError(f"stack underflow at {token!r}")
            b = stack.pop()
            a = stack.pop()
            stack.append(ops[token](a, b))
        else:
            stack.append(float(token) if "." in token else int(token))
    if len(stack) != 1:
        raise ValueError(f"malformed expression, stack={stack}")
    return stack[0]
tests = ["3 4 +", "5 1 2 + 4 * + 3 -", "2 3 **", "2 100 **", "7 2 /", "7 2 //", "-7 2 //", "-7 2 %",
         "1.5 2 *", "1 0 /", "1 +", "1 2", "2 0.5 **", "10 3 % 4 *", "x 1 +"]
for expr in tests:
    try:
        print(f"{expr!r:22} => {evaluate(expr)!r}")
    except ZeroDivisionError as e:
        print(f"{expr!r:22} => ZeroDivisionError: {e}")
    except ValueError as e:
        print(f"{expr!r:22} => ValueError: {e}")
