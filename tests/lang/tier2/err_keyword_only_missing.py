# A required keyword-only argument left out.
# expect: TypeError: sort_records() missing 1 required keyword-only argument: 'key'
def sort_records(records, *, key, reverse=False):
    return sorted(records, key=lambda r: r[key], reverse=reverse)
rows = [{"n": 3}, {"n": 1}, {"n": 2}]
print(sort_records(rows, key="n"))
print(sort_records(rows, key="n", reverse=True))
print(sort_records.__kwdefaults__)
print(sort_records.__code__.co_kwonlyargcount)
print(sort_records(rows))
