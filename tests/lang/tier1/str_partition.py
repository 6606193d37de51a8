# partition and rpartition always return 3-tuples.
s = "key=value=more"
print(s.partition("="), s.rpartition("="))
print(s.partition("x"), s.rpartition("x"))
print(s.partition("key"), s.rpartition("more"), "".partition("a"), "".rpartition("a"))
print("a.b.c".partition("."), "a.b.c".rpartition("."), "...".partition(".."), "...".rpartition(".."))
lines = ["name: Alice", "age: 30", "no colon here", "url: http://x.org:8080"]
for line in lines:
    key, sep, value = line.partition(": ")
    print(repr(key), repr(sep), repr(value), bool(sep))
path = "/usr/local/lib/python3.11/site.py"
directory, _, filename = path.rpartition("/")
base, dot, ext = filename.rpartition(".")
print(directory, filename, base, ext, dot)
print("no_ext".rpartition("."), "日本.語".partition("."))
