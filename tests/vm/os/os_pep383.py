# file names that are not valid UTF-8 (PEP 383): they decode with surrogateescape and encode back
# to the same bytes through open, stat, listdir and scandir (translated only: Node's fs takes
# such names as U+FFFD)
import os
import sys
import tempfile

print(sys.getfilesystemencoding(), sys.getfilesystemencodeerrors())
d = tempfile.mkdtemp()
bd = os.fsencode(d)
for raw in (b'plain', b'caf\xc3\xa9', b'bad\xff', b'\xe9t\xe9', b'half\xe2\x82'):
    fd = os.open(os.path.join(bd, raw), os.O_WRONLY | os.O_CREAT)
    os.close(fd)
names = sorted(os.listdir(d))
print([ascii(n) for n in names])
print(sorted(os.listdir(bd)))
print(sorted(ascii(e.name) for e in os.scandir(d)))
for n in names:
    p = os.path.join(d, n)
    print(ascii(n), os.fsencode(n), os.stat(p).st_size, os.path.exists(p))
    with open(p, 'rb') as f:
        pass
    os.unlink(p)
os.rmdir(d)
