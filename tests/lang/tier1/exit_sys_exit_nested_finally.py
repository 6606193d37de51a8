# sys.exit inside nested calls unwinds through every finally block before exiting.
# expect-status: 5
import sys
def inner():
    try:
        print("inner: exiting")
        sys.exit(5)
    finally:
        print("inner finally")
def middle():
    try:
        inner()
    except Exception:
        print("never: SystemExit is not an Exception")
    finally:
        print("middle finally")
def outer():
    try:
        middle()
    finally:
        print("outer finally")
outer()
print("never printed")
