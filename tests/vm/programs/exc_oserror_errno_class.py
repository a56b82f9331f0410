# OSError(errno, strerror[, filename]) makes the subclass for that errno, as OSError.__new__ does
# (subprocess.py re-raises a child's exec failure this way)
for n in (2, 17, 13, 1, 21, 20, 4, 11, 10, 3, 110, 32, 103, 111, 104, 22, 5):
    e = OSError(n, 'msg', 'file')
    print(n, type(e).__name__, e.errno, e.strerror, e.filename, isinstance(e, OSError))
print(type(OSError(2)).__name__, type(OSError('x', 'y')).__name__, type(OSError()).__name__)
print(type(FileNotFoundError(13, 'x')).__name__)
try:
    raise OSError(2, 'No such file or directory', '/nope')
except FileNotFoundError as e:
    print('caught', e)
