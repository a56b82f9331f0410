# platform: posix
# a DirEntry keeps the type and inode the listing gave it: after its file is removed, is_dir,
# is_file, is_symlink and inode still answer, while stat() fails
import os
import tempfile

d = tempfile.mkdtemp()
open(os.path.join(d, 'file.txt'), 'w').close()
os.mkdir(os.path.join(d, 'dir'))
entries = {e.name: e for e in os.scandir(d)}
os.unlink(os.path.join(d, 'file.txt'))
os.rmdir(os.path.join(d, 'dir'))
for name in sorted(entries):
    e = entries[name]
    print(name, e.is_dir(), e.is_file(), e.is_symlink(), e.is_dir(follow_symlinks=False), e.inode() > 0)
    try:
        e.stat()
    except FileNotFoundError as exc:
        print(' stat', exc.errno)
os.rmdir(d)
