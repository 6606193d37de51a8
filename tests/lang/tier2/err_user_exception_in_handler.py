# An exception raised inside an except block (implicit chaining, __context__).
# expect: CleanupFailed: could not close 'db'
class CleanupFailed(Exception):
    pass
def run():
    try:
        raise ValueError("primary failure")
    except ValueError:
        print("handling the primary failure")
        raise CleanupFailed("could not close 'db'")
print("start")
run()
print("never printed")
