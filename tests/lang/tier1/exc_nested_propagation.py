# Exceptions propagate through nested calls; finally blocks run at each level on the way out.
log = []
def level3(x):
    try:
        log.append("level3 enter")
        return 10 // x
    finally:
        log.append("level3 finally")
def level2(x):
    try:
        return level3(x) + 1
    finally:
        log.append("level2 finally")
def level1(x):
    try:
        return level2(x) * 2
    except ZeroDivisionError as e:
        log.append(f"level1 caught {e}")
        return -1
print(level1(5), log)
log.clear()
print(level1(0), log)
def checked(items):
    results = []
    for item in items:
        try:
            results.append(100 // int(item))
        except ValueError:
            results.append("bad")
        except ZeroDivisionError:
            results.append("zero")
    return results
print(checked(["5", "x", "0", "-3", "7"]))
def find(d, path):
    try:
        for key in path:
            d = d[key]
        return d
    except (KeyError, TypeError) as e:
        return f"failed at {e!r}"
data = {"a": {"b": [10, 20]}}
print(find(data, ["a", "b"]), find(data, ["a", "c"]), find(data, ["a", "b", 1]), find(data, ["a", "b", 1, 0]))
