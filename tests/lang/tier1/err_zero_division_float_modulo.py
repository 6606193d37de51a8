# Uncaught float modulo by zero.
# expect: ZeroDivisionError: float modulo
angles = [370.0, -30.0, 725.5]
for a in angles:
    print(a, "normalised", a % 360.0)
period = 0.0
print("period", period)
print(-30.0 % 360.0, 725.5 % 360.0)
print(angles[0] % period)
print("never printed")
