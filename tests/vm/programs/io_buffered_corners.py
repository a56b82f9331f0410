# Buffered and base-class corners of _io with CPython's errors: read(-2), None from a
# non-blocking raw read-all, truncate on a reader, a raw stream reporting a negative position,
# BufferedRWPair's isatty and arity, _IOBase iteration over objects without a length, repr of a
# TextIOWrapper whose raw stream was detached.
import io

class MockRaw(io.RawIOBase):
    def __init__(self, chunks=()):
        self.chunks = list(chunks)
    def readable(self):
        return True
    def writable(self):
        return True
    def seekable(self):
        return True
    def readinto(self, b):
        if not self.chunks:
            return 0
        data = self.chunks.pop(0)
        if data is None:
            return None
        n = min(len(b), len(data))
        b[:n] = data[:n]
        if n < len(data):
            self.chunks.insert(0, data[n:])
        return n
    def write(self, b):
        return len(b)
    def seek(self, pos, whence=0):
        return 0
    def tell(self):
        return 0

bufio = io.BufferedReader(MockRaw([b"abc"]))
try:
    bufio.read(-2)
except ValueError as e:
    print('ValueError', e)
print(bufio.read(-1), bufio.read())

bufio = io.BufferedReader(MockRaw((b"abc", b"d", None, b"efg", None, None, None)))
print(bufio.read(6), bufio.read(1), bufio.read(), bufio.peek(1), bufio.read(), bufio.read())

try:
    io.BufferedReader(MockRaw()).truncate()
except io.UnsupportedOperation as e:
    print('UnsupportedOperation', e)
b = io.BufferedReader(MockRaw())
b.close()
try:
    b.truncate()
except io.UnsupportedOperation as e:
    print('UnsupportedOperation', e)
except ValueError as e:
    print('ValueError', e)

class Misbehaved(MockRaw):
    def seek(self, pos, whence=0):
        return -123
    def tell(self):
        return -456
for tp in (io.BufferedReader, io.BufferedWriter, io.BufferedRandom):
    bufio = tp(Misbehaved())
    for call in (lambda: bufio.seek(0), bufio.tell):
        try:
            call()
        except OSError as e:
            print(tp.__name__, 'OSError', e)
    bufio.close = lambda: None

class Tty(MockRaw):
    def isatty(self):
        return True
print(io.BufferedRWPair(MockRaw(), MockRaw()).isatty(), io.BufferedRWPair(Tty(), MockRaw()).isatty(), io.BufferedRWPair(MockRaw(), Tty()).isatty())
for args in ((MockRaw(), MockRaw(), 8, 12), (MockRaw(),)):
    try:
        io.BufferedRWPair(*args)
    except TypeError as e:
        print('TypeError', e)

class R(io.IOBase):
    def readline(self):
        return None
try:
    next(R())
except TypeError as e:
    print('TypeError', e)
class N(io.IOBase):
    def __next__(self):
        return None
try:
    N().readlines(1)
except TypeError as e:
    print('TypeError', e)
class Lines(io.IOBase):
    def __init__(self):
        self.lines = ['ab', 'cde', 'f']
    def __next__(self):
        if not self.lines:
            raise StopIteration
        return self.lines.pop(0)
print(Lines().readlines(), Lines().readlines(4), Lines().readlines(-1))

raw = io.BytesIO(b"hello")
t = io.TextIOWrapper(io.BufferedReader(raw), encoding='utf-8')
t.buffer.detach()
print(repr(t))
