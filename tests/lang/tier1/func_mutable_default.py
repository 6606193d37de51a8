# The mutable-default gotcha: one list object is shared by every call that uses the default.
def append_to(item, target=[]):
    target.append(item)
    return target
a = append_to(1)
b = append_to(2)
c = append_to(3, [])
d = append_to(4)
print(a, b, c, d)
print(a is b, a is d, a is c)
print(append_to(5, []), append_to(6))
def register(name, registry={}):
    registry[name] = len(registry)
    return registry
register("x")
register("y")
print(register("z"))
def safe_append(item, target=None):
    if target is None:
        target = []
    target.append(item)
    return target
print(safe_append(1), safe_append(2))
def counter(_state=[0]):
    _state[0] += 1
    return _state[0]
print(counter(), counter(), counter())
