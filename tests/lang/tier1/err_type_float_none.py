# Uncaught TypeError converting None to float.
# expect: TypeError: float() argument must be a string or a real number, not 'NoneType'
readings = {"a": "1.5", "b": 2, "c": None}
for name in ["a", "b"]:
    print(name, float(readings[name]))
print(readings.get("c"))
print(float("3"), float(4), float(True))
print(readings.get("c", 0.0))
print([float(readings[k]) for k in ["a", "b"]])
print(float(readings["c"]))
