# TextIOWrapper: tell() is an OSError while the file is iterated with next() (CPython's "telling
# position disabled by next() call"), told again once the iteration ends; a Python subclass of
# BufferedWriter under a TextIOWrapper gets its overridden write() called (write_through).
import io, os, tempfile

d = tempfile.mkdtemp()
fn = os.path.join(d, 'tell.txt')
f = open(fn, "w+", encoding="utf-8")
p0 = f.tell()
f.write("\xff\n")
p1 = f.tell()
f.write("\xff\n")
p2 = f.tell()
f.seek(0)
print(f.tell() == p0, repr(f.readline()), f.tell() == p1, repr(f.readline()), f.tell() == p2)
f.seek(0)
for line in f:
    try:
        f.tell()
    except OSError as e:
        print(repr(line), 'OSError', e)
print(f.tell() == p2)
f.close()
os.unlink(fn)
os.rmdir(d)

flush_called, write_called = [], []
class BufferedWriter(io.BufferedWriter):
    def flush(self, *args, **kwargs):
        flush_called.append(True)
        return super().flush(*args, **kwargs)
    def write(self, *args, **kwargs):
        write_called.append(True)
        return super().write(*args, **kwargs)
rawio = io.BytesIO()
bufio = BufferedWriter(rawio, 2)
textio = io.TextIOWrapper(bufio, encoding='ascii', write_through=True)
textio.write('a')
print(flush_called, write_called, rawio.getvalue())
textio.write('a' * 10)
print(len(write_called), rawio.getvalue())
class Counting(io.BytesIO):
    def write(self, b):
        write_called.append(bytes(b))
        return super().write(b)
t = io.TextIOWrapper(Counting(), encoding='ascii', write_through=True)
t.write('xy')
print(write_called[-1])
