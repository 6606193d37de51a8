# Truth value: __bool__ first, then __len__, else always true.
class Flag:
    def __init__(self, on):
        self.on = on

    def __bool__(self):
        print("__bool__ called")
        return self.on


class Box:
    def __init__(self, items):
        self.items = items

    def __len__(self):
        print("__len__ called")
        return len(self.items)


class Both:
    def __bool__(self):
        return False

    def __len__(self):
        return 10


class Nothing:
    pass


print(bool(Flag(True)), bool(Flag(False)))
if Flag(False):
    print("not printed")
else:
    print("else branch")
print(bool(Box([])), bool(Box([1])), len(Box("abc")))
print(bool(Both()), len(Both()), bool(Nothing()))
print(not Box([]), Flag(False) or "fallback", Box([1, 2]) and "both true")
while Box([]):
    print("never")
print([x for x in [Box([]), Box([0]), Flag(True)] if x].__len__())
print(any([Box([]), Flag(False)]), all([Box([1]), Nothing()]))
