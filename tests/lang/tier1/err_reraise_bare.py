# A handler logs and re-raises with bare `raise`: the original exception is reported.
# expect: KeyError: 'missing'
table = {"present": 1}
def fetch(key):
    try:
        return table[key]
    except KeyError:
        print("fetch failed for", repr(key))
        raise
print(fetch("present"))
print(fetch("missing"))
