# Files through open(): text and binary modes, seek/tell, readline(s), iteration, newline
# modes, encodings and errors, append and exclusive creation, and closed-file errors.
# platform: posix (on Windows CPython too writes \r\n in text mode and opening '/' is a PermissionError)
import posix

path = '/tmp/pyvm-io-files-%d.txt' % posix.getpid()

with open(path, 'w') as f:
    print(type(f).__name__, f.mode, f.name == path, f.encoding, f.closed)
    print(f.write('alpha\nbeta\r\ngamma\rdelta'), f.writable(), f.readable(), f.seekable())
print(f.closed)

with open(path) as f:
    print(repr(f.read()), f.newlines)
with open(path, newline='') as f:
    print(list(f))
with open(path, newline='\r') as f:
    print(f.readlines())
with open(path) as f:
    print(repr(f.readline()), repr(f.readline(3)), repr(f.read(4)), f.tell())
    f.seek(0)
    print([line for line in f])

with open(path, 'rb') as f:
    print(type(f).__name__, f.mode, f.read(5), f.tell(), f.readline(), f.peek(1)[:1])
    print(f.seek(-5, 2), f.read(), f.seek(2), f.read1(3))
    f.seek(0)
    print(f.readlines())
    print(type(f.raw).__name__, f.raw.mode, f.fileno() > 2, f.isatty())

with open(path, 'a') as f:
    f.write('\nappended')
with open(path, 'rb', buffering=0) as f:
    print(type(f).__name__, f.readall()[-9:])

with open(path, 'w', encoding='latin-1') as f:
    f.write('caf\xe9 \xff')
with open(path, 'rb') as f:
    print(f.read())
with open(path, encoding='latin-1') as f:
    print(f.read())
try:
    with open(path, encoding='utf-8') as f:
        f.read()
except UnicodeDecodeError as e:
    print('UnicodeDecodeError', e.reason, e.start, e.end)
with open(path, encoding='utf-8', errors='replace') as f:
    print(ascii(f.read()))
with open(path, encoding='ascii', errors='ignore') as f:
    print(f.read())
try:
    with open(path, 'w', encoding='ascii') as f:
        f.write('\u20ac')
except UnicodeEncodeError as e:
    print('UnicodeEncodeError', e.reason)
with open(path, 'w', encoding='utf-8') as f:
    f.write('\u20ac\U0001f600 ok\n')
with open(path, 'rb') as f:
    print(f.read())
with open(path, encoding='utf-8') as f:
    print(ascii(f.read()))

with open(path, 'r+') as f:
    f.write('XYZ')
    f.seek(0)
    print(ascii(f.read()))

try:
    open(path, 'x')
except FileExistsError as e:
    print('FileExistsError', e.errno)
for mode in ('rw', 'rr', 'q', 'rbt'):
    try:
        open(path, mode)
    except ValueError as e:
        print(mode, e)
try:
    open(path, 'rb', encoding='utf-8')
except ValueError as e:
    print(e)
try:
    open(path, 'r', buffering=0)
except ValueError as e:
    print(e)
try:
    open(path, newline='x')
except ValueError as e:
    print(e)
try:
    open(3.5)
except TypeError as e:
    print(e)

f = open(path)
f.close()
f.close()
for name, call in (('read', f.read), ('readline', f.readline), ('write', lambda: f.write('x')), ('tell', f.tell)):
    try:
        call()
    except ValueError as e:
        print(name, e)
b = open(path, 'rb')
b.close()
for name, call in (('read', b.read), ('write', lambda: b.write(b'x')), ('seek', lambda: b.seek(0)), ('fileno', b.fileno)):
    try:
        call()
    except (ValueError, OSError) as e:
        print(name, type(e).__name__, e)
try:
    with open(path, 'rb') as f:
        f.write(b'x')
except OSError as e:
    print(type(e).__name__, e)
try:
    with open(path, 'w') as f:
        f.write(b'x')
except TypeError as e:
    print(e)
try:
    open('/')
except IsADirectoryError as e:
    print('IsADirectoryError', e.errno, e.filename)
try:
    open('/nonexistent-dir/x.txt')
except FileNotFoundError as e:
    print(e)

posix.unlink(path)
