# A generator that tries to advance itself while running.
# expect: ValueError: generator already executing
def selfish():
    yield 1
    yield next(me)
me = selfish()
print(next(me))
print("advancing into the re-entrant next")
print(next(me))
print("never printed")
print("really never printed")
