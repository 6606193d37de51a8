# Deleting an instance attribute that is not there.
# expect: AttributeError: 'Session' object has no attribute 'token'
class Session:
    def __init__(self):
        self.token = "abc"
s = Session()
print(s.token)
del s.token
print(hasattr(s, "token"))
delattr(s, "token")
print("never printed")
