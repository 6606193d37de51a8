# Writing to a closed StringIO.
# expect: ValueError: I/O operation on closed file
import io
buffer = io.StringIO()
buffer.write("first line\n")
print(repr(buffer.getvalue()))
buffer.close()
print(buffer.closed)
buffer.write("too late\n")
print("never printed")
