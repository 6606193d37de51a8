# super() without arguments inside methods, __init__ chains and overridden properties.
class Shape:
    def __init__(self, name):
        self.name = name
        print("Shape.__init__", name)

    def area(self):
        return 0

    def report(self):
        return f"{self.name}: area {self.area()}"


class Rect(Shape):
    def __init__(self, w, h):
        super().__init__("rect")
        self.w, self.h = w, h
        print("Rect.__init__", w, h)

    def area(self):
        return self.w * self.h


class Square(Rect):
    def __init__(self, side):
        super().__init__(side, side)
        self.name = "square"
        print("Square.__init__", side)

    def report(self):
        return super().report().upper() + "!"


s = Square(3)
print(s.report())
r = Rect(2, 5)
print(r.report())
print(Shape("blob").report())
class Logger:
    def log(self, msg):
        return [msg]
class Timestamped(Logger):
    def log(self, msg):
        return super().log("[t] " + msg)
class Prefixed(Timestamped):
    def log(self, msg):
        result = super().log("[p] " + msg)
        result.append("done")
        return result
print(Prefixed().log("hi"))
