# Class decorators: registries, adding methods, returning the same class or a new one.
registry = {}

def register(cls):
    registry[cls.__name__.lower()] = cls
    return cls

def add_repr(cls):
    def __repr__(self):
        fields = ", ".join(f"{k}={v!r}" for k, v in vars(self).items())
        return f"{type(self).__name__}({fields})"
    cls.__repr__ = __repr__
    return cls

def with_tag(tag):
    def decorate(cls):
        cls.tag = tag
        return cls
    return decorate

@register
@add_repr
@with_tag("shape")
class Circle:
    def __init__(self, r):
        self.r = r

@register
@add_repr
class Square:
    def __init__(self, side, color="red"):
        self.side = side
        self.color = color

print(sorted(registry))
print(registry["circle"](2), registry["square"](3))
print(Circle.tag, hasattr(Square, "tag"))
def singleton(cls):
    instances = {}
    def get(*args):
        if cls not in instances:
            instances[cls] = cls(*args)
        return instances[cls]
    return get
@singleton
class Config:
    def __init__(self, name):
        print("creating config", name)
        self.name = name
a = Config("first")
b = Config("second")
print(a is b, a.name, type(Config).__name__)
