# platform: posix
# os.umask, truncate, link, fchmod, chown/fchown, closerange, writev, getrandom, times,
# cpu_count, the uid/gid getters and the argument checks of setuid, execv and execve
import os
import stat
import tempfile

d = tempfile.mkdtemp()
p = os.path.join(d, 'f')
with open(p, 'wb') as f:
    f.write(b'hello world')

old = os.umask(0o22)
print('umask', oct(os.umask(old)))

os.truncate(p, 5)
print('truncate', os.path.getsize(p))
try:
    os.truncate(os.path.join(d, 'missing'), 0)
except FileNotFoundError as e:
    print('truncate missing', e.errno, os.path.basename(e.filename))

q = os.path.join(d, 'g')
os.link(p, q)
print('link', os.stat(p).st_nlink, open(q, 'rb').read())
try:
    os.link(p, q)
except FileExistsError as e:
    print('link exists', os.path.basename(e.filename), os.path.basename(e.filename2))

fd = os.open(p, os.O_RDWR)
os.fchmod(fd, 0o600)
print('fchmod', oct(stat.S_IMODE(os.stat(p).st_mode)))
os.fchown(fd, -1, -1)
os.chown(p, -1, -1)
os.lchown(p, -1, -1)
for bad in (-1.0, '1'):
    try:
        os.chown(p, bad, -1)
    except TypeError as e:
        print('chown', e)
try:
    os.chown(p, -2, -1)
except OverflowError as e:
    print('chown', e)
try:
    os.chown(p, 1 << 32, -1)
except OverflowError as e:
    print('chown', e)

print('writev', os.writev(fd, [b'ab', bytearray(b'cd'), memoryview(b'e')]))
os.lseek(fd, 0, 0)
print(os.read(fd, 10))
os.close(fd)

r = os.open(p, os.O_RDONLY)
w = os.open(q, os.O_RDONLY)
os.closerange(min(r, w), max(r, w) + 1)
for x in (r, w):
    try:
        os.fstat(x)
    except OSError as e:
        print('closed', e.errno)

b = os.getrandom(16)
print('getrandom', type(b).__name__, len(b), os.getrandom(0))
try:
    os.getrandom(-1)
except OSError as e:
    print('getrandom', e.errno)

t = os.times()
print('times', type(t).__name__, len(t), [type(x).__name__ for x in t], t.user >= 0)
n = os.cpu_count()
print('cpu_count', type(n).__name__, n >= 1)
print('ids', [type(f()).__name__ for f in (os.getuid, os.geteuid, os.getgid, os.getegid)])
print('groups', type(os.getgroups()).__name__)
print('device_encoding', os.device_encoding(123456))

for f, args in ((os.setuid, ('x',)), (os.setgid, (1 << 32,)), (os.setreuid, (0, 1 << 32)), (os.setegid, (-2,))):
    try:
        f(*args)
    except (TypeError, OverflowError) as e:
        print(f.__name__, type(e).__name__, e)

for argv in ((), [], ('',), ['']):
    try:
        os.execv('/nonexistent', argv)
    except ValueError as e:
        print('execv', e)
try:
    os.execv('/nonexistent', 'ab')
except TypeError as e:
    print('execv', e)
for env in ({'A=B': 'c'}, {'': 'c'}, {'A\0': 'c'}):
    try:
        os.execve('/nonexistent', ['x'], env)
    except ValueError as e:
        print('execve', e)
try:
    os.execve('/nonexistent', ['x'], None)
except TypeError as e:
    print('execve', e)
try:
    os.execve('/nonexistent', [], {})
except ValueError as e:
    print('execve', e)

os.unlink(q)
os.unlink(p)
os.rmdir(d)
