# assert passes silently when true; failing asserts raise AssertionError (caught here).
assert True
assert 1 + 1 == 2, "math works"
assert [1], "non-empty list is truthy"
print("passing asserts printed nothing")
def check(value):
    try:
        assert value > 0, f"value must be positive, got {value}"
        return "ok"
    except AssertionError as e:
        return "failed: " + str(e)
for v in [5, 0, -3]:
    print(v, check(v))
try:
    assert False
except AssertionError as e:
    print(repr(e), e.args, str(e) == "")
try:
    assert 1 == 2, ("tuple", "message")
except AssertionError as e:
    print(e.args, type(e).__name__)
try:
    assert None, 42
except AssertionError as e:
    print(e, e.args[0] + 1)
calls = []
def side_effect():
    calls.append(1)
    return "msg"
assert True, side_effect()
print("message evaluated only on failure:", calls)
