# os.readlink and os.path.realpath through a symbolic link (unittest's discovery compares real
# paths, so a package reached through a symlink found none of its tests without them)
import os, tempfile

d = tempfile.mkdtemp()
target = os.path.join(d, 'real')
os.mkdir(target)
link = os.path.join(d, 'link')
os.symlink('real', link)
print(os.readlink(link))
print(os.readlink(os.fsencode(link)))
print(os.path.realpath(os.path.join(link, 'x')) == os.path.join(os.path.realpath(d), 'real', 'x'))
for bad in [target, os.path.join(d, 'missing')]:
    try:
        os.readlink(bad)
    except OSError as e:
        print(type(e).__name__, e.errno, os.path.basename(e.filename))
try:
    os.readlink()
except TypeError as e:
    print('TypeError', e)
os.unlink(link)
os.rmdir(target)
os.rmdir(d)
