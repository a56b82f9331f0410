# platform: posix
# os.O_DIRECTORY and os.O_NOFOLLOW: glob and shutil open directories so when os.supports_dir_fd
# lists os.open (test_glob's setUp does exactly this).
import os
import glob
import shutil
import tempfile

d = tempfile.mkdtemp()
try:
    os.mkdir(os.path.join(d, "sub"))
    with open(os.path.join(d, "sub", "a.txt"), "w") as f:
        f.write("x")
    os.symlink("sub", os.path.join(d, "link"))
    print(os.O_DIRECTORY != 0, os.O_NOFOLLOW != 0, os.O_DIRECTORY & os.O_NOFOLLOW)
    fd = os.open(d, os.O_RDONLY | os.O_DIRECTORY)
    print(sorted(e.name for e in os.scandir(fd)))
    print(sorted(glob.glob("*/*.txt", root_dir=d, dir_fd=fd)))
    os.close(fd)
    for path, flags in [(os.path.join(d, "sub", "a.txt"), os.O_RDONLY | os.O_DIRECTORY),
                        (os.path.join(d, "link"), os.O_RDONLY | os.O_NOFOLLOW | os.O_DIRECTORY)]:
        try:
            os.close(os.open(path, flags))
            print("opened")
        except OSError as e:
            print(type(e).__name__, e.errno in (20, 40))
finally:
    shutil.rmtree(d)
print(os.path.exists(d))
