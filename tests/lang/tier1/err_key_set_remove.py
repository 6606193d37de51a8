# Uncaught KeyError from set.remove of a missing element.
# expect: KeyError: 4
active = {1, 2, 3}
for item in [1, 2]:
    active.remove(item)
    print("removed", item, "left", active)
active.discard(4)
print("discard is silent", active)
active.remove(4)
print("never printed")
