# Uncaught TypeError raising something that is not an exception.
# expect: TypeError: exceptions must derive from BaseException
def fail(code):
    print("failing with", code)
    raise code
try:
    fail(ValueError("proper"))
except ValueError as e:
    print("caught", e)
fail(42)
