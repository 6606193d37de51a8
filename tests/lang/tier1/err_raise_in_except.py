# An exception raised while handling another: both appear in stderr, the last line is the new one.
# expect: KeyError: 'fallback'
defaults = {"primary": 1}
def lookup(name):
    try:
        return defaults[name]
    except KeyError:
        print("missing", name, "- trying fallback")
        return defaults["fallback"]
print(lookup("primary"))
print(lookup("secondary"))
