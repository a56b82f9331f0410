# platform: posix
# posix functions still take bytearray and memoryview paths (with a DeprecationWarning, as CPython
# 3.11), and the OSError they raise names the object they were given
import os
import warnings

for name in (b'no-such-file', bytearray(b'no-such-file'), memoryview(b'no-such-file')):
    for func, args in ((os.stat, ()), (os.lstat, ()), (os.open, (os.O_RDONLY,)), (os.unlink, ()), (os.rename, ('dst',)), (os.truncate, (0,)), (os.chown, (0, 0))):
        with warnings.catch_warnings(record=True) as w:
            warnings.simplefilter('always')
            try:
                func(name, *args)
            except OSError as e:
                print(func.__name__, type(name).__name__, e.errno, e.filename is name, [str(x.message) for x in w])
