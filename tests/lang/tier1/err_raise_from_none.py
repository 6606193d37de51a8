# raise ... from None hides the context; the last line is the new exception.
# expect: LookupError: no user with id 42
users = {1: "ann", 2: "bob"}
def find(uid):
    try:
        return users[uid]
    except KeyError:
        raise LookupError(f"no user with id {uid}") from None
print(find(1), find(2))
print(find(42))
