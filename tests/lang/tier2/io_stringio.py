# io.StringIO: write, getvalue, print(file=...), reading back line by line.
import io

buf = io.StringIO()
print(buf.write("hello "), buf.write("world\n"))
print("answer:", 42, file=buf)
print("a", "b", sep="-", end="!\n", file=buf)
print(repr(buf.getvalue()))
lines = io.StringIO("line one\nline two\nlast")
print(lines.readline(), end="")
print(lines.read())
print(repr(lines.read()))
data = io.StringIO("x\ny\nz\n")
print([line.rstrip() for line in data])
def render(rows, out):
    for name, score in rows:
        out.write(f"{name:<6}{score:>4}\n")
report = io.StringIO()
render([("ann", 91), ("bob", 7)], report)
print(report.getvalue(), end="")
print(len(report.getvalue()), report.getvalue().count("\n"))
s = io.StringIO("initial")
s.seek(0, 2)
s.write("+more")
print(s.getvalue(), s.tell())
s.close()
print(s.closed)
with io.StringIO() as managed:
    managed.write("inside with")
    print(managed.getvalue())
print(managed.closed)
