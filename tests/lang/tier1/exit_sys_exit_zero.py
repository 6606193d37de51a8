# sys.exit(0) and sys.exit() stop the program successfully.
# expect-status: 0
import sys
total = 0
for i in range(10):
    total += i
    if total > 20:
        print("stopping at", i, "total", total)
        sys.exit(0)
    print("running total", total)
print("never printed")
