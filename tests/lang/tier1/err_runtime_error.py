# Uncaught RuntimeError raised explicitly with a message.
# expect: RuntimeError: state machine reached an invalid state: 'closed'
transitions = {"new": "open", "open": "closed"}
state = "new"
for _ in range(3):
    if state not in transitions:
        raise RuntimeError(f"state machine reached an invalid state: {state!r}")
    print(state, "->", transitions[state])
    state = transitions[state]
print("never printed")
