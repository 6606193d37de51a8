# A recursive pretty printer for nested dicts/lists, with sorted keys and indentation.
def render(value, indent=0):
    pad = "  " * indent
    if isinstance(value, dict):
        if not value:
            return "{}"
        lines = ["{"]
        for key in sorted(value, key=str):
            lines.append(f"{pad}  {key!r}: {render(value[key], indent + 1)},")
        lines.append(pad + "}")
        return "\n".join(lines)
    if isinstance(value, (list, tuple)):
        open_, close = ("[", "]") if isinstance(value, list) else ("(", ")")
        if not value:
            return open_ + close
        inner = [render(v, indent + 1) for v in value]
        if all("\n" not in s for s in inner) and sum(len(s) for s in inner) < 40:
            return open_ + ", ".join(inner) + close
        return open_ + "\n" + ",\n".join(pad + "  " + s for s in inner) + "\n" + pad + close
    return repr(value)
config = {
    "name": "stitch", "version": (0, 1, 0), "threads": 8, "ratio": 0.75, "debug": False,
    "paths": ["/usr/lib", "/opt/stitch/lib/with/a/rather/long/path", "./local"],
    "limits": {"stack": 2 ** 20, "heap": None, "nested": {"deep": [1, [2, [3, []]]], "empty": {}}},
    3: "int key", (1, 2): "tuple key",
}
print(render(config))
print(render([]), render({}), render([[1, 2], (3,)]), render("text"))
