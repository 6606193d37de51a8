# Decorators that take arguments: factories returning decorators.
def repeat(times):
    def decorate(func):
        def wrapper(*args, **kwargs):
            return [func(*args, **kwargs) for _ in range(times)]
        return wrapper
    return decorate

def retry(attempts, exceptions=(Exception,)):
    def decorate(func):
        def wrapper(*args):
            for attempt in range(1, attempts + 1):
                try:
                    return func(*args)
                except exceptions as e:
                    print(f"attempt {attempt} failed: {e}")
            return None
        return wrapper
    return decorate

def validate(**checks):
    def decorate(func):
        def wrapper(**kwargs):
            for name, check in checks.items():
                if not check(kwargs[name]):
                    return f"invalid {name}"
            return func(**kwargs)
        return wrapper
    return decorate

@repeat(3)
def hello(name):
    return "hi " + name
print(hello("bob"))
state = {"calls": 0}
@retry(4, exceptions=(ValueError,))
def flaky(limit):
    state["calls"] += 1
    if state["calls"] < limit:
        raise ValueError(f"call {state['calls']} too early")
    return "ok on call " + str(state["calls"])
print(flaky(3))
state["calls"] = 0
print(flaky(10))
@validate(age=lambda a: 0 <= a < 150, name=str.isalpha)
def register(name, age):
    return f"registered {name} ({age})"
print(register(name="ann", age=30), register(name="ann1", age=30), register(name="z", age=-1))
