# StringIO, BytesIO, IncrementalNewlineDecoder and subclassing the _io types from Python.
import _io

s = _io.StringIO('one\ntwo\nthree')
print(s.read(3), repr(s.readline()), s.tell(), s.readlines())
s.seek(0)
print([l for l in s])
s.seek(0, 2)
s.write('\nfour')
print(repr(s.getvalue()))
s.seek(2)
s.write('XX')
print(repr(s.getvalue()), s.tell())
print(s.truncate(5), repr(s.getvalue()))
s.seek(8)
s.write('!')
print(repr(s.getvalue()))
try:
    s.seek(-1)
except ValueError as e:
    print(e)
try:
    s.write(5)
except TypeError as e:
    print(e)
print(s.readable(), s.writable(), s.seekable(), s.closed, s.line_buffering)
s.close()
try:
    s.getvalue()
except ValueError as e:
    print(e)

u = _io.StringIO('a\r\nb\rc\n', newline=None)
print(repr(u.getvalue()), u.newlines)
v = _io.StringIO(newline='')
v.write('x\r\ny\rz\n')
v.seek(0)
print(v.readlines())
w = _io.StringIO(newline='\r\n')
w.write('p\nq\n')
print(repr(w.getvalue()))

b = _io.BytesIO(b'abc\ndef\nghi')
print(b.read(2), b.readline(), b.tell(), b.readlines())
b.seek(1)
b.write(b'ZZ')
print(b.getvalue())
b.seek(20)
b.write(b'!')
print(b.getvalue(), len(b.getvalue()))
print(b.truncate(4), b.getvalue(), b.read1(), b.seek(0), b.read1(2))
try:
    b.write('text')
except TypeError as e:
    print(e)
try:
    b.seek(-1)
except ValueError as e:
    print(e)
with _io.BytesIO() as b2:
    b2.write(b'in with')
    print(b2.getvalue())
print(b2.closed)

d = _io.IncrementalNewlineDecoder(None, translate=True)
print(repr(d.decode('a\r')), repr(d.decode('\nb\r')), repr(d.decode('', final=True)), d.newlines)

class Upper(_io.StringIO):
    def __init__(self, initial=''):
        super().__init__(initial)
        self.writes = 0
    def write(self, s):
        self.writes += 1
        return super().write(s.upper())

u = Upper()
print('hello', 'world', file=u)
print(repr(u.getvalue()), u.writes, isinstance(u, _io._TextIOBase), isinstance(u, _io._IOBase))

class Counting(_io.BytesIO):
    pass

c = Counting(b'xyz')
c.tag = 'mine'
print(c.read(), c.tag, type(c).__name__)

class Reader(_io._RawIOBase):
    def __init__(self, data):
        self.data = data
        self.pos = 0
    def readable(self):
        return True
    def read(self, n=-1):
        chunk = self.data[self.pos:self.pos + (3 if n < 0 else min(n, 3))]
        self.pos += len(chunk)
        return chunk

r = Reader(b'line one\nline two\n')
print(r.readline(), r.readall(), r.read())
t = _io.TextIOWrapper(_io.BytesIO(b'x\ny\r\nz'), encoding='ascii')
print(list(t), t.encoding, t.buffer.tell())
try:
    _io._IOBase().fileno()
except _io.UnsupportedOperation as e:
    print('UnsupportedOperation', e, isinstance(e, OSError), isinstance(e, ValueError))

class IntoRaw(_io._RawIOBase):
    """A raw stream CPython's way: BufferedReader reads it through readinto."""
    def __init__(self, data):
        self.data = data
        self.pos = 0
        self.calls = 0
    def readable(self):
        return True
    def readinto(self, b):
        self.calls += 1
        chunk = self.data[self.pos:self.pos + min(len(b), 4)]
        b[:len(chunk)] = chunk
        self.pos += len(chunk)
        return len(chunk)

raw = IntoRaw(b'first line\nsecond\r\nthird')
br = _io.BufferedReader(raw, buffer_size=4)
print(br.readline(), br.read(3), br.peek(1)[:1], br.read(), raw.calls > 3)
print(IntoRaw(b'abcdefgh').read(6), IntoRaw(b'xy').readall())
t = _io.TextIOWrapper(_io.BufferedReader(IntoRaw('é\nü\r\nend'.encode('utf-8'))), encoding='utf-8')
print(ascii(t.readline()), ascii(t.read()))
ba = bytearray(5)
print(_io.BytesIO(b'hello world').readinto(ba), ba)
try:
    _io._RawIOBase().read(2)
except NotImplementedError:
    print('NotImplementedError')
