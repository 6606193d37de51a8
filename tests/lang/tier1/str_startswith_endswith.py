# startswith/endswith with strings, tuples and start/end bounds.
s = "filename.tar.gz"
print(s.startswith("file"), s.startswith("name"), s.endswith(".gz"), s.endswith(".tar"))
print(s.startswith(("a", "fi")), s.endswith((".zip", ".rar")), s.endswith(()))
print(s.startswith("name", 4), s.startswith("name", 4, 6), s.endswith("tar", 0, 12))
print(s.startswith(""), s.endswith(""), "".startswith(""), "".endswith("a"))
print(s.startswith("gz", -2), s.endswith("file", 0, 4), s.startswith("x", 100))
files = ["a.py", "b.txt", "c.py", "README", "d.PY", "e.pyc"]
print([f for f in files if f.endswith(".py")])
print([f for f in files if f.lower().endswith((".py", ".pyc"))])
print([f for f in files if not f.startswith(("a", "b"))])
url = "https://example.org/path"
if url.startswith("https://"):
    print("secure", url[len("https://"):])
print("prefix_name".removeprefix("prefix_"), "name.py".removesuffix(".py"), "x".removeprefix("y"))
