# SystemExit is not an Exception: except Exception does not catch it, except SystemExit does.
# expect-status: 4
import sys
try:
    sys.exit(7)
except SystemExit as e:
    print("caught SystemExit with code", e.code, e.args)
try:
    try:
        sys.exit(2)
    except Exception:
        print("wrong: Exception caught SystemExit")
except BaseException as e:
    print("BaseException caught", type(e).__name__, e.code)
try:
    sys.exit("text code")
except SystemExit as e:
    print("code is", repr(e.code))
print(issubclass(SystemExit, Exception), issubclass(SystemExit, BaseException))
print("now exiting with 4")
sys.exit(4)
