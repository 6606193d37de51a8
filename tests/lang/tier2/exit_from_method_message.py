# SystemExit with a message raised from a method: message on stderr, status 1.
# expect: fatal: config file has 3 errors
# expect-status: 1
import sys

class App:
    def __init__(self, errors):
        self.errors = errors
    def run(self):
        print("checking configuration")
        if self.errors:
            sys.exit(f"fatal: config file has {self.errors} errors")
        print("running")
App(0).run()
App(3).run()
print("never printed")
