# Default argument values are evaluated once, when def runs.
counter = 0
def next_id():
    global counter
    counter += 1
    print("next_id called ->", counter)
    return counter

def make_item(name, item_id=next_id()):
    return name, item_id

print(make_item("a"), make_item("b"), make_item("c", 99))
def append_to(value, target=[]):
    target.append(value)
    return target
print(append_to(1), append_to(2), append_to(3, []))
print(append_to.__defaults__)
def safe_append(value, target=None):
    if target is None:
        target = []
    target.append(value)
    return target
print(safe_append(1), safe_append(2))
size = 10
def box(width=size):
    return width
size = 20
print(box(), size)
def cache_lookup(key, _cache={}):
    if key not in _cache:
        print("computing", key)
        _cache[key] = key * 2
    return _cache[key]
print(cache_lookup(3), cache_lookup(3), cache_lookup(4), cache_lookup(3))
funcs = [lambda i=i: i * 10 for i in range(3)]
print([f() for f in funcs])
