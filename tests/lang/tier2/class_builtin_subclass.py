# Subclassing builtins: list, dict and str subclasses with extra behaviour.
class Stack(list):
    def push(self, item):
        self.append(item)

    def peek(self):
        return self[-1]


s = Stack([1, 2])
s.push(3)
print(s, s.peek(), len(s), s.pop(), s, type(s).__name__)
print(isinstance(s, list), s + [9], type(s + [9]).__name__)
class DefaultZero(dict):
    def __missing__(self, key):
        return 0
counts = DefaultZero()
for ch in "mississippi":
    counts[ch] = counts[ch] + 1
print(sorted(counts.items()), counts["z"], "z" in counts)
class Shout(str):
    def shout(self):
        return self.upper() + "!"
word = Shout("hello")
print(word.shout(), word + " world", len(word), word[1:3], type(word[1:3]).__name__)
class Celsius(float):
    def __repr__(self):
        return f"{float(self)}C"
temps = [Celsius(21.5), Celsius(-3.0)]
print(temps, sum(temps), max(temps))
class LoudError(ValueError):
    pass
try:
    raise LoudError("bad")
except ValueError as e:
    print(type(e).__name__, e, isinstance(e, ValueError))
