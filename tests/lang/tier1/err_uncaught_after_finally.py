# finally blocks run (and print) before an uncaught exception terminates the program.
# expect: ZeroDivisionError: division by zero
def risky(n):
    try:
        print("risky", n)
        return 10 / n
    finally:
        print("cleanup", n)
def driver():
    try:
        for n in [2, 1, 0]:
            print("result", risky(n))
    finally:
        print("driver cleanup")
driver()
