"""A helper module for the tier2 import tests."""
print("_helper: executing module body, __name__ =", __name__)

GREETING = "hello"
counter = 0


def greet(name):
    return f"{GREETING}, {name}!"


def bump():
    global counter
    counter += 1
    return counter


class Shape:
    def __init__(self, sides):
        self.sides = sides

    def __repr__(self):
        return f"Shape({self.sides})"


_private = "underscore names are skipped by import *"

if __name__ == "__main__":
    print("never printed on import")
