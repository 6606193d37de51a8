# Uncaught pop from an empty list after draining a stack.
# expect: IndexError: pop from empty list
stack = [1, 2, 3]
print("stack starts as", [1, 2, 3])
while True:
    top = stack.pop()
    print("popped", top, "remaining", stack)
    if top == 0:
        break
print("never printed")
