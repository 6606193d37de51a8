# Calling an instance whose class has no __call__.
# expect: TypeError: 'Settings' object is not callable
class Settings:
    def __init__(self):
        self.values = {"debug": True}
    def get(self, key):
        return self.values[key]
s = Settings()
print(s.get("debug"))
print(callable(s), callable(s.get))
print(s("debug"))
