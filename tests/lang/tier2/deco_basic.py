# Function decorators: wrappers that run code around calls and keep state.
def trace(func):
    def wrapper(*args, **kwargs):
        print(f"call {func.__name__} args={args} kwargs={kwargs}")
        result = func(*args, **kwargs)
        print(f"{func.__name__} returned {result!r}")
        return result
    return wrapper

def count_calls(func):
    def wrapper(*args):
        wrapper.calls += 1
        return func(*args)
    wrapper.calls = 0
    return wrapper

@trace
def add(a, b=0):
    return a + b

@count_calls
def square(x):
    return x * x

add(1, 2)
add(5, b=10)
print([square(i) for i in range(4)], square.calls)
print(add.__name__, square.__name__)
def shout(func):
    return lambda *a: func(*a).upper()
@shout
def greet(name):
    return "hello " + name
print(greet("world"))
def plain(x):
    return x + 1
decorated_by_hand = trace(plain)
print(decorated_by_hand(41), plain(1))
