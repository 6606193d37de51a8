# Evaluation order: function expression, then arguments left to right, keywords in order.
log = []
def note(label, value=None):
    log.append(label)
    return value if value is not None else label
def target(*args, **kwargs):
    return args, kwargs
result = note("func", target)(note("a"), note("b"), k=note("k"), j=note("j"))
print(result)
print(log)
log.clear()
d = {}
d[note("key")] = note("value")
print(d, log)
log.clear()
x = note("left", 1) + note("right", 2) * note("mult", 3)
print(x, log)
log.clear()
lst = [note("e0"), note("e1"), note("e2")]
pairs = {note("k1"): note("v1"), note("k2"): note("v2")}
print(log)
log.clear()
val = note("cond", True) and note("then", 5) or note("else", 6)
print(val, log)
