# @classmethod: alternative constructors; cls is the class the call went through.
class Date:
    def __init__(self, year, month, day):
        self.year, self.month, self.day = year, month, day

    @classmethod
    def from_string(cls, text):
        year, month, day = (int(part) for part in text.split("-"))
        return cls(year, month, day)

    @classmethod
    def epoch(cls):
        return cls(1970, 1, 1)

    def __repr__(self):
        return f"{type(self).__name__}({self.year}, {self.month}, {self.day})"


class BirthDay(Date):
    def age_in(self, year):
        return year - self.year


d = Date.from_string("2024-02-29")
print(d, Date.epoch())
b = BirthDay.from_string("1990-07-04")
print(b, b.age_in(2024), type(b).__name__)
print(BirthDay.epoch(), b.epoch())
class Counter:
    instances = 0
    def __init__(self):
        type(self).bump()
    @classmethod
    def bump(cls):
        cls.instances += 1
        return cls.instances
class SubCounter(Counter):
    instances = 0
Counter(); Counter(); SubCounter()
print(Counter.instances, SubCounter.instances)
print(type(Date.__dict__["epoch"]).__name__)
