# readinto() and readinto1() of the buffered readers (CPython's _buffered_readinto_generic:
# read-ahead first, at most one raw read for readinto1) and of _BufferedIOBase subclasses
# (through their read()/read1()), with CPython's errors.
import io

class MockRaw(io.RawIOBase):
    def __init__(self, chunks):
        self.chunks = list(chunks)
        self.reads = 0
    def readable(self):
        return True
    def readinto(self, b):
        self.reads += 1
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

raw = MockRaw((b"abc", b"de", b"fgh", b"jkl"))
bufio = io.BufferedReader(raw, buffer_size=10)
b = bytearray(2)
print(bufio.peek(3), raw.reads)
print(bufio.readinto1(b), b, raw.reads)
print(bufio.readinto1(b), b[:1], raw.reads)
print(bufio.readinto1(b), b, raw.reads)
b = bytearray(20)
print(bufio.peek(3), raw.reads)
print(bufio.readinto1(b), b[:6], raw.reads)
print(bufio.readinto1(b), raw.reads)

raw = MockRaw((b"abc", None, b"def"))
bufio = io.BufferedReader(raw)
b = bytearray(2)
print(bufio.readinto(b), b)
print(bufio.readinto(b), b)
print(bufio.readinto(b))
print(bufio.readinto(b), b)

raw = MockRaw((b"x" * 30, b"y" * 30))
bufio = io.BufferedReader(raw, buffer_size=8)
b = bytearray(50)
print(bufio.readinto(b), bytes(b[:3]), bytes(b[-3:]), raw.reads)

class Reader(io.BufferedIOBase):
    def __init__(self, avail):
        self.avail = avail
    def read(self, size):
        result = self.avail[:size]
        self.avail = self.avail[size:]
        return result
    def read1(self, size):
        return self.read(min(size, 5))
for method, avail, request in [("readinto", 10, 5), ("readinto", 5, 6), ("readinto", 10, 0), ("readinto1", 10, 6), ("readinto1", 6, 7)]:
    r = Reader(bytes(range(avail)))
    buf = bytearray(b'\x81' * request)
    print(method, getattr(r, method)(buf), list(buf), len(r.avail))

class Bad(io.BufferedIOBase):
    def __init__(self, result):
        self.result = result
    def read(self, n):
        return self.result
for result in ("str", b"too much data"):
    try:
        Bad(result).readinto(bytearray(3))
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    io.BufferedReader(MockRaw([b'a'])).readinto(b'immutable')
except TypeError as e:
    print(e)
pair = io.BufferedRWPair(MockRaw([b'hello']), io.BytesIO())
b = bytearray(3)
print(pair.readinto(b), b, pair.readinto1(b), b[:2])
bio = io.BytesIO(b'bytes')
b = bytearray(3)
print(bio.readinto(b), b, bio.readinto1(b), b[:2])
