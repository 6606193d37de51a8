# The instance __dict__ and vars(): attribute storage you can read and write.
class Config:
    defaults = {"debug": False}

    def __init__(self, **settings):
        for key, value in settings.items():
            setattr(self, key, value)


c = Config(host="localhost", port=8080)
print(vars(c))
print(c.__dict__ is vars(c))
c.debug = True
print(vars(c), list(c.__dict__))
c.__dict__["added"] = "through dict"
print(c.added)
del c.__dict__["port"]
print(hasattr(c, "port"), vars(c))
vars(c).update(port=9000, user="root")
print(c.port, c.user)
print("defaults" in vars(c), "defaults" in vars(Config), c.defaults)
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y
def to_dict(obj):
    return {k: v for k, v in vars(obj).items() if not k.startswith("_")}
p = Point(1, 2)
p._secret = 3
print(to_dict(p), sorted(vars(p)))
q = Point(0, 0)
q.__dict__.update(vars(p))
print(vars(q))
