# Uncaught NotImplementedError from a stub function.
# expect: NotImplementedError: export to 'pdf' is not supported yet
def export(fmt, data):
    if fmt == "csv":
        return ",".join(map(str, data))
    if fmt == "txt":
        return " ".join(map(str, data))
    raise NotImplementedError(f"export to {fmt!r} is not supported yet")
for fmt in ["csv", "txt", "pdf"]:
    print(fmt, export(fmt, [1, 2, 3]))
