# Uncaught float division by zero.
# expect: ZeroDivisionError: float division by zero
rates = [2.5, 1.25, 0.5, 0.0]
distance = 100.0
for rate in rates:
    print(f"rate {rate}: time {distance / rate if rate else 'pending'}")
for rate in rates:
    hours = distance / rate
    print("hours", hours)
print("never printed")
