# Uncaught RuntimeError when a set is resized during iteration.
# expect: RuntimeError: Set changed size during iteration
seen = {1, 2, 3}
for v in sorted(seen):
    print("value", v)
copy = set(seen)
for v in copy:
    if v > 2:
        seen.discard(v)
print("mutating while iterating over a copy is fine:", seen)
for v in seen:
    seen.add(v + 10)
print("never printed")
