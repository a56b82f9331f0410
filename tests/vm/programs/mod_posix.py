# posix: what os and os.path build on, compared with CPython
# platform: posix  (CPython on Windows has no posix module: its os builds on nt)
import posix
import errno

base = '/tmp/pyvm_posix_test_%d' % posix.getpid()
posix.mkdir(base, 0o700)
try:
    posix.mkdir(base)
except FileExistsError as e:
    print('FileExistsError', e.errno, e.strerror, e.filename == base)
f = base + '/a.txt'
fd = posix.open(f, posix.O_WRONLY | posix.O_CREAT | posix.O_TRUNC, 0o644)
print('write', posix.write(fd, b'hello, posix\n'))
st = posix.fstat(fd)
print('fstat', st.st_size, st[6], len(st), st.st_mode & 0o170000 == 0o100000)
posix.close(fd)
try:
    posix.close(fd)
except OSError as e:
    print(type(e).__name__, e.errno, e)
fd = posix.open(f, posix.O_RDONLY)
print(posix.read(fd, 5), posix.read(fd, 3), posix.lseek(fd, 7, 0), posix.read(fd, 100))
print('end', posix.lseek(fd, 0, 2), posix.read(fd, 10))
posix.close(fd)
s = posix.stat(f)
print(type(s).__name__, s.st_size, s.st_mtime == s[8] or abs(s.st_mtime - s[8]) < 1, isinstance(s.st_mtime, float))
print(s.st_mtime_ns // 10**9 == s[8], tuple(s)[6], s[-4], s[6:7], s == tuple(s))
print(type(s).n_sequence_fields, type(s).n_unnamed_fields)
r = repr(s)
print(r.startswith('os.stat_result(st_mode='), 'st_size=13' in r)
try:
    posix.stat(base + '/missing')
except FileNotFoundError as e:
    print('FileNotFoundError', e.errno, e.strerror, repr(e.filename[-8:]), str(e).startswith('[Errno 2] No such file or directory:'))
try:
    posix.open(base, posix.O_WRONLY)
except IsADirectoryError as e:
    print('IsADirectoryError', e.errno)
try:
    posix.listdir(f)
except NotADirectoryError as e:
    print('NotADirectoryError', e.errno, e.strerror)
posix.close(posix.open(base + '/b.txt', posix.O_WRONLY | posix.O_CREAT))
posix.mkdir(base + '/sub')
print(sorted(posix.listdir(base)), sorted(posix.listdir(base.encode())))
with posix.scandir(base) as it:
    ents = sorted(it, key=lambda e: e.name)
for e in ents:
    print(repr(e), e.name, e.path == base + '/' + e.name, e.is_dir(), e.is_file(), e.is_symlink(), e.stat().st_size if e.is_file() else '-',
          posix.fspath(e) == e.path, e.inode() == posix.stat(e.path).st_ino)
posix.rename(base + '/b.txt', base + '/c.txt')
posix.replace(base + '/c.txt', f)
print(sorted(posix.listdir(base)), posix.stat(f).st_size)
try:
    posix.rename(base + '/nope', base + '/x')
except FileNotFoundError as e:
    print('rename', e.errno, e.filename[-4:], e.filename2[-1:])
try:
    posix.rmdir(base)
except OSError as e:
    print(type(e).__name__, e.errno == errno.ENOTEMPTY)
posix.rmdir(base + '/sub')
posix.unlink(f)
posix.remove if False else None
posix.rmdir(base)
print('gone', posix.access(base, posix.F_OK), posix.access('/', posix.F_OK))
print(posix.getcwd() == posix.getcwdb().decode(), isinstance(posix.getcwd(), str))
print(type(posix.environ).__name__, all(isinstance(k, bytes) and isinstance(v, bytes) for k, v in posix.environ.items()), b'PATH' in posix.environ)
print(posix.getpid() > 0, len(posix.urandom(16)), type(posix.urandom(0)))
print(posix.strerror(2), '|', posix.strerror(13), '|', posix.strerror(errno.EEXIST))
class P:
    def __fspath__(self):
        return '/x/y'
print(posix.fspath('a'), posix.fspath(b'b'), posix.fspath(P()))
for bad in (lambda: posix.fspath(3), lambda: posix.stat('a\0b'), lambda: posix.urandom(-1)):
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(posix.O_RDONLY, posix.O_WRONLY, posix.O_RDWR, posix.O_CREAT, posix.O_EXCL, posix.O_TRUNC, posix.O_APPEND)
print(posix.error is OSError, posix.stat_result.__name__, posix.isatty(99), hasattr(posix, '_have_functions'))
ts = posix.terminal_size((80, 24))
print(ts, ts.columns, ts.lines, tuple(ts))
