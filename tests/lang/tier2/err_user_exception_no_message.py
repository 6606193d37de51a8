# An uncaught exception without arguments: the last line is just the class name.
# expect: StopProcessing
class StopProcessing(Exception):
    pass
def process(items):
    for item in items:
        if item < 0:
            raise StopProcessing
        print("processed", item)
process([1, 2, 3])
print("second batch")
process([4, -1, 5])
