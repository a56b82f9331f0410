# OSError's str() (errno and strerror from two to five arguments, then filename and filename2),
# its errno/filename2 attributes, and UnicodeDecodeError keeping a bytearray in args but bytes in .object.
e = OSError(1, 'strErrorStr', 'filenameStr')
print(e.filename, e.filename2, e.args, str(e))
e = OSError('foo', 'bar', 'baz', None, 'quux')
print(e.filename, e.filename2, e.args, str(e))
e = OSError(1, 'x')
print(e.filename, e.filename2)
for args in [(None, 'x'), ('a', 'b', None), (1, 'x', 'f', None, 'g'), (1, 2, 3, 4, 5, 6), (1,), (2, 'No such file', b'p')]:
    e = OSError(*args)
    print(str(e), e.args, e.errno, e.filename, e.filename2)
print(str(FileNotFoundError(2, 'No such file or directory', 'x')))
e = UnicodeDecodeError('ascii', bytearray(b'\xff'), 0, 1, 'ordinal not in range')
print(e.args, e.object, str(e))
import pickle
e2 = pickle.loads(pickle.dumps(e))
print(e2.args, e2.object)
