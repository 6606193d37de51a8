# The name bound by `except ... as e` is deleted when the handler ends.
e = "outer value"
try:
    raise ValueError("inside")
except ValueError as e:
    print("in handler:", e)
try:
    print(e)
except NameError as err:
    print("NameError:", err)
def f():
    try:
        1 / 0
    except ZeroDivisionError as exc:
        saved = exc
    try:
        return exc
    except UnboundLocalError as err:
        return "UnboundLocalError: " + str(err), type(saved).__name__
print(f())
x = 0
try:
    x = 1
    raise KeyError("k")
except KeyError:
    x += 10
finally:
    x += 100
print(x)
