# Uncaught KeyError with a string key: the message is the repr of the key.
# expect: KeyError: 'x'
config = {"a": 1, "b": 2}
for key in ["a", "b"]:
    print(key, config[key])
print(config.get("x", "x has a default via get"))
def lookup(name):
    return config[name]
print(lookup("a"))
print(lookup("x"))
