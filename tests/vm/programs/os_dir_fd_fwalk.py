# platform: posix
# dir_fd forms of open, stat/lstat, mkdir, unlink and rmdir; listdir and scandir of an open
# directory; os.fwalk and shutil.rmtree (which walks with these when they exist)
import os
import shutil
import stat
import tempfile

print('supports', sorted(f.__name__ for f in (os.open, os.stat, os.unlink, os.rmdir, os.mkdir) if f in os.supports_dir_fd))
print('supports_fd', os.scandir in os.supports_fd, os.listdir in os.supports_fd, hasattr(os, 'fwalk'))

top = tempfile.mkdtemp()
dfd = os.open(top, os.O_RDONLY)
os.mkdir('sub', 0o755, dir_fd=dfd)
fd = os.open('a.txt', os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=dfd)
os.write(fd, b'12345')
os.close(fd)
os.symlink('a.txt', os.path.join(top, 'link'))
with open(os.path.join(top, 'sub', 'b.txt'), 'w') as f:
    f.write('b')

print('stat', os.stat('a.txt', dir_fd=dfd).st_size, stat.S_ISDIR(os.stat('sub', dir_fd=dfd).st_mode))
print('lstat link', stat.S_ISLNK(os.lstat('link', dir_fd=dfd).st_mode), stat.S_ISLNK(os.stat('link', dir_fd=dfd, follow_symlinks=False).st_mode))
print('listdir fd', sorted(os.listdir(dfd)))
with os.scandir(dfd) as it:
    for e in sorted(it, key=lambda e: e.name):
        print(' entry', e.name, e.path, e.is_dir(), e.is_file(), e.is_symlink(), e.is_file(follow_symlinks=False), e.stat().st_size if e.name == 'a.txt' else '')
try:
    os.stat('missing', dir_fd=dfd)
except FileNotFoundError as e:
    print('missing', e.errno, e.filename)

for root, dirs, files, rootfd in os.fwalk(top):
    print('fwalk', os.path.relpath(root, top), sorted(dirs), sorted(files), type(rootfd).__name__)
for root, dirs, files, rootfd in os.fwalk(top, topdown=False):
    for name in files:
        os.unlink(name, dir_fd=rootfd)
    for name in dirs:
        os.rmdir(name, dir_fd=rootfd)
print('after', os.listdir(top))
os.close(dfd)

os.makedirs(os.path.join(top, 'x', 'y'))
open(os.path.join(top, 'x', 'y', 'z'), 'w').close()
shutil.rmtree(top)
print('rmtree', os.path.exists(top))
