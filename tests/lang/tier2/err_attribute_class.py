# A missing attribute looked up on the class itself.
# expect: AttributeError: type object 'Config' has no attribute 'TIMEOUT'
class Config:
    HOST = "localhost"
    PORT = 80
print(Config.HOST, Config.PORT)
print(getattr(Config, "TIMEOUT", "no timeout"))
for name in ["HOST", "PORT"]:
    print(name, getattr(Config, name))
print(Config.TIMEOUT)
print("never printed")
