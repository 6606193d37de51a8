# A class without __init__ accepts no constructor arguments.
# expect: TypeError: Marker() takes no arguments
class Marker:
    label = "m"
m = Marker()
print(m.label)
m.label = "changed"
print(m.label, Marker.label)
print(type(m).__name__)
Marker("x")
