# Uncaught RuntimeError when a dict is resized during iteration.
# expect: RuntimeError: dictionary changed size during iteration
scores = {"a": 1, "b": 2, "c": 3}
for k in list(scores):
    if scores[k] == 2:
        del scores[k]
print("safe deletion over a copy:", scores)
for k in scores:
    print("visiting", k)
    scores[k + k] = 0
print("never printed")
