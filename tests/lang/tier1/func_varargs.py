# *args and **kwargs in definitions and calls.
def collect(*args, **kwargs):
    return args, kwargs
print(collect())
print(collect(1, 2, x=3))
print(collect(*[1, 2], *(3,), **{"a": 1}, **{"b": 2}, c=3))
def head(first, *rest):
    return first, rest
print(head(1), head(1, 2, 3), head(*"abc"))
def total(*nums, start=0):
    result = start
    for n in nums:
        result += n
    return result
print(total(), total(1, 2, 3), total(1, 2, start=100), total(*range(5)))
def config(name, **options):
    keys = sorted(options)
    return name + ": " + ", ".join(f"{k}={options[k]}" for k in keys)
print(config("db"), config("db", port=5432, host="local"))
def forward(*args, **kwargs):
    return collect(*args, **kwargs)
print(forward(1, k="v"))
def mix(a, b=2, *args, c, d=4, **kw):
    return a, b, args, c, d, kw
print(mix(1, c=3), mix(1, 2, 3, 4, c=5, e=6), mix(*[1, 2, 3], **{"c": 0, "d": 9}))
args = (1, 2)
kwargs = {"sep": "-", "end": ".\n"}
print(*args, **kwargs)
print(*"xyz", sep="|")
