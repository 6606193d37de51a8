"""io for Stitch: StringIO, an in-memory text stream.

The text is kept as a list of written pieces that is joined lazily, so a long run of appending
writes (the common case: building output) stays linear. Positions count code points, as CPython's.
A StringIO is not safe to use from two threads at once without the program's own lock.
"""

SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2


class UnsupportedOperation(ValueError):
    pass


class StringIO:
    def __init__(self, initial_value="", newline="\n"):
        if initial_value is None:
            initial_value = ""
        if not isinstance(initial_value, str):
            raise TypeError(f"initial_value must be str or None, not {type(initial_value).__name__}")
        self._pieces = [initial_value] if initial_value else []
        self._length = len(initial_value)
        self._position = 0
        self._closed = False

    def _check_open(self):
        if self._closed:
            raise ValueError("I/O operation on closed file")

    def _text(self):
        if len(self._pieces) > 1:
            self._pieces = ["".join(self._pieces)]
        return self._pieces[0] if self._pieces else ""

    @property
    def closed(self):
        return self._closed

    def close(self):
        self._closed = True

    def readable(self):
        self._check_open()
        return True

    def writable(self):
        self._check_open()
        return True

    def seekable(self):
        self._check_open()
        return True

    def getvalue(self):
        self._check_open()
        return self._text()

    def write(self, s):
        self._check_open()
        if not isinstance(s, str):
            raise TypeError(f"string argument expected, got '{type(s).__name__}'")
        count = len(s)
        if not count:
            return 0
        if self._position == self._length:
            self._pieces.append(s)
        else:
            text = self._text()
            if self._position > self._length:
                text = text + "\0" * (self._position - self._length)
            text = text[:self._position] + s + text[self._position + count:]
            self._pieces = [text]
        self._position += count
        self._length = max(self._length, self._position)
        return count

    def writelines(self, lines):
        for line in lines:
            self.write(line)

    def read(self, size=-1):
        self._check_open()
        if size is None:
            size = -1
        text = self._text()
        start = min(self._position, self._length)
        end = self._length if size < 0 else min(self._length, start + size)
        self._position = max(self._position, end)
        return text[start:end]

    def readline(self, size=-1):
        self._check_open()
        if size is None:
            size = -1
        text = self._text()
        start = min(self._position, self._length)
        end = text.find("\n", start)
        end = self._length if end < 0 else end + 1
        if size >= 0:
            end = min(end, start + size)
        self._position = max(self._position, end)
        return text[start:end]

    def readlines(self, hint=-1):
        lines = []
        total = 0
        while True:
            line = self.readline()
            if not line:
                return lines
            lines.append(line)
            total += len(line)
            if hint is not None and 0 < hint <= total:
                return lines

    def seek(self, pos, whence=0):
        self._check_open()
        if whence == 0:
            if pos < 0:
                raise ValueError(f"Negative seek position {pos}")
            self._position = pos
        elif whence == 1:
            if pos != 0:
                raise OSError("Can't do nonzero cur-relative seeks")
        elif whence == 2:
            if pos != 0:
                raise OSError("Can't do nonzero end-relative seeks")
            self._position = self._length
        else:
            raise ValueError(f"Invalid whence ({whence}, should be 0, 1 or 2)")
        return self._position

    def tell(self):
        self._check_open()
        return self._position

    def truncate(self, size=None):
        self._check_open()
        if size is None:
            size = self._position
        if size < 0:
            raise ValueError(f"Negative size value {size}")
        if size < self._length:
            self._pieces = [self._text()[:size]]
            self._length = size
        return size

    def flush(self):
        self._check_open()

    def isatty(self):
        self._check_open()
        return False

    def __iter__(self):
        if self._closed:
            raise ValueError("I/O operation on closed file.")
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def __enter__(self):
        self._check_open()
        return self

    def __exit__(self, *exc_info):
        self.close()
