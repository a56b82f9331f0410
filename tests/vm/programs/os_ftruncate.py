# os.ftruncate and truncate() on files opened with open(): FileIO, the buffered layers and
# TextIOWrapper cut the file at the given size or at the current position
# platform: posix
import io
import os
import tempfile

d = tempfile.mkdtemp()
p = os.path.join(d, "f.bin")
with open(p, "wb") as f:
    f.write(b"0123456789")
    print(f.truncate(4), f.tell())
    f.seek(2)
    print(f.truncate(), f.tell())
    print(f.truncate(8))
print(open(p, "rb").read())

fd = os.open(p, os.O_RDWR)
os.ftruncate(fd, 3)
print(os.fstat(fd).st_size)
os.ftruncate(fd, 0)
print(os.fstat(fd).st_size, os.read(fd, 10))
for bad in [(fd,), (fd, "3"), (fd, 1.5)]:
    try:
        os.ftruncate(*bad)
    except TypeError as e:
        print("TypeError", e)
try:
    os.ftruncate(fd, -1)
except OSError as e:
    print(type(e).__name__, e.errno)
os.close(fd)
try:
    os.ftruncate(fd, 1)
except OSError as e:
    print(type(e).__name__, e.errno)

raw = io.FileIO(p, "w")
raw.write(b"abcdef")
print(raw.truncate(2), raw.truncate())
raw.close()
try:
    raw.truncate()
except ValueError as e:
    print("ValueError", e)
with io.FileIO(p, "r") as r:
    try:
        r.truncate(0)
    except io.UnsupportedOperation as e:
        print("UnsupportedOperation", e)
with open(p, "r+b") as f:
    print(f.read(), f.truncate(1), f.seek(0), f.read())
with open(p, "w+", encoding="ascii") as t:
    t.write("hello world")
    print(t.truncate(5), t.seek(0), t.read())
os.remove(p)
os.rmdir(d)
