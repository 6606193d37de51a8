# Decorators in practice: a command registry and a hand-written memoizer.
commands = {}

def command(name=None):
    def decorate(func):
        commands[name or func.__name__] = func
        return func            # registration only: the function is unchanged
    return decorate

@command()
def start():
    return "starting"

@command("halt")
def stop():
    return "stopping"

print(sorted(commands), commands["halt"](), start())

def memoize(func):
    cache = {}
    def wrapper(n):
        if n not in cache:
            cache[n] = func(n)
        return cache[n]
    wrapper.cache = cache
    return wrapper

calls = []
@memoize
def fib(n):
    calls.append(n)
    return n if n < 2 else fib(n - 1) + fib(n - 2)

print(fib(30), len(calls), len(fib.cache))
print(fib(80), len(calls))
import functools
def logged(func):
    @functools.wraps(func)
    def wrapper(*args):
        return func(*args)
    return wrapper
@logged
def documented(x):
    """Doubles x."""
    return 2 * x
print(documented.__name__, documented.__doc__, documented(4), documented.__wrapped__(5))
