# int() of an object without __int__/__index__/__trunc__.
# expect: TypeError: int() argument must be a string, a bytes-like object or a real number, not 'Temperature'
class Temperature:
    def __init__(self, degrees):
        self.degrees = degrees
    def __float__(self):
        return float(self.degrees)
t = Temperature(21)
print(float(t))
print(int(float(t)))
print(int(t))
