# Uncaught ValueError unpacking too many values.
# expect: ValueError: too many values to unpack (expected 2)
lines = ["a=1", "b=2", "c=3=4"]
settings = {}
print("k=v".split("="), "a=b=c".split("=", 1))
for line in lines:
    key, value = line.split("=")
    settings[key] = value
    print(settings)
print("never printed")
