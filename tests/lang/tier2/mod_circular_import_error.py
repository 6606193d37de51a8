# A circular import that fails: catch the ImportError and print the message without its path.
import sys
try:
    import _circ_bad_a
except ImportError as e:
    message = str(e)
    print(type(e).__name__)
    print(message.split(" (/")[0].split(" (most likely")[0])
    print("(most likely due to a circular import)" in message)
    print(e.name)
print("_circ_bad_a" in sys.modules, "_circ_bad_b" in sys.modules)
def still_fine():
    return "the main program continues"
print(still_fine())
