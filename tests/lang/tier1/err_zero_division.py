# Uncaught true division by zero inside a function: traceback, status 1.
# expect: ZeroDivisionError: division by zero
def average(values):
    return sum(values) / len(values)
batches = [[1, 2, 3], [10, 20], [5], []]
print("average of [2, 4] is", sum([2, 4]) / len([2, 4]))
for batch in batches:
    print("batch", batch)
    print("average", average(batch))
print("never printed")
