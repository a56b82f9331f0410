# platform: posix
# os.utime (times, ns, now), os.chmod and os.chdir: shutil.copystat, tempfile and test_os need
# them; errors as CPython's
import os, stat, tempfile

d = tempfile.mkdtemp()
f = os.path.join(d, 'f')
with open(f, 'w') as fh:
    fh.write('x')
os.utime(f, (1.5, -2.25))
st = os.stat(f)
print(st.st_atime_ns, st.st_mtime_ns, st.st_atime, st.st_mtime)
os.utime(f, (100, 200))
st = os.stat(f)
print(st.st_atime, st.st_mtime, st.st_atime_ns)
os.utime(f, ns=(3000000000, -7000000000))
st = os.stat(f)
print(st.st_atime_ns, st.st_mtime_ns)
os.utime(f)
print(os.stat(f).st_mtime > 1000000000)
os.utime(f, None)
for bad in [dict(times=(1, 2), ns=(1, 2)), dict(times=5), dict(times=(1,)), dict(ns=5), dict(times=('a', 1))]:
    try:
        os.utime(f, **bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    os.utime(os.path.join(d, 'missing'))
except OSError as e:
    print(type(e).__name__, e.errno)

os.chmod(f, 0o640)
print(oct(stat.S_IMODE(os.stat(f).st_mode)))
os.chmod(f, stat.S_IRUSR)
print(oct(stat.S_IMODE(os.stat(f).st_mode)))
os.chmod(f, 0o600)
try:
    os.chmod(os.path.join(d, 'missing'), 0o600)
except OSError as e:
    print(type(e).__name__, e.errno, os.path.basename(e.filename))
os.chmod(f, 0o644, follow_symlinks=False)
print(oct(stat.S_IMODE(os.stat(f).st_mode)))
os.symlink(f, f + 'l')
try:
    os.chmod(f + 'l', 0o600, follow_symlinks=False)
except NotImplementedError as e:
    print('NotImplementedError', e)
os.unlink(f + 'l')

old = os.getcwd()
os.chdir(d)
print(os.getcwd() == os.path.realpath(d))
print(sorted(os.listdir('.')), os.path.exists('f'))
with open('g', 'w') as fh:
    fh.write('y')
print(os.path.isfile(os.path.join(d, 'g')))
os.mkdir('sub')
os.chdir('sub')
print(os.path.basename(os.getcwd()))
os.chdir('..')
for bad in ['missing', 'f']:
    try:
        os.chdir(bad)
    except OSError as e:
        print(type(e).__name__, e.errno, e.filename)
os.chdir(old)
print(os.getcwd() == old)

import shutil
g = os.path.join(d, 'g')
os.utime(f, (1000, 2000))
os.chmod(f, 0o604)
shutil.copystat(f, g)
st = os.stat(g)
print(st.st_mtime, oct(stat.S_IMODE(st.st_mode)))
shutil.rmtree(d)
print(os.path.exists(d))
