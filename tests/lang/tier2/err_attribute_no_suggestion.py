# A missing attribute with nothing similar to suggest.
# expect: AttributeError: 'Robot' object has no attribute 'fly'
class Robot:
    def __init__(self, name):
        self.name = name
    def walk(self):
        return self.name + " walks"
bot = Robot("r2")
print(bot.walk())
print(hasattr(bot, "fly"))
bot.fly()
