# A decorator whose wrapper forgot to accept the arguments.
# expect: TypeError: log_calls.<locals>.wrapper() takes 0 positional arguments but 1 was given
def log_calls(func):
    def wrapper():
        print("calling", func.__name__)
        return func()
    return wrapper
@log_calls
def ping():
    return "pong"
@log_calls
def double(x):
    return 2 * x
print(ping())
print(double(4))
