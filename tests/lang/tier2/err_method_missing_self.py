# Calling an instance method through the class without an instance.
# expect: TypeError: Greeter.greet() missing 1 required positional argument: 'self'
class Greeter:
    def greet(self):
        return "hello from " + type(self).__name__
g = Greeter()
print(g.greet())
print(Greeter.greet(g))
print(Greeter.greet(Greeter()))
Greeter.greet()
