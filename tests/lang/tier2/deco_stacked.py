# Stacked decorators apply bottom-up and run outside-in.
def tag(name):
    def decorate(func):
        print("decorating", func.__name__, "with", name)
        def wrapper(*args):
            return f"<{name}>" + func(*args) + f"</{name}>"
        wrapper.__name__ = func.__name__
        return wrapper
    return decorate

def log(func):
    def wrapper(*args):
        print("log: calling", func.__name__)
        return func(*args)
    wrapper.__name__ = func.__name__
    return wrapper

@log
@tag("b")
@tag("i")
def word(text):
    return text

print(word("hi"))
print(word.__name__)
def twice(func):
    def wrapper(x):
        return func(func(x))
    return wrapper
@twice
@twice
def inc(x):
    return x + 1
print(inc(0))
@twice
def double(x):
    return x * 2
print(double(3))
