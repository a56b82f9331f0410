# Buffered and text streams made by __new__ alone have no stream beneath them yet: every
# operation is ValueError('I/O operation on uninitialized object') until __init__ runs.
import io

CASES = [
    (io.BufferedReader, ('read', 'peek', 'flush', 'close', 'readable', 'detach')),
    (io.BufferedWriter, ('write', 'flush', 'close', 'writable', 'detach')),
    (io.BufferedRandom, ('read', 'write', 'flush', 'close', 'readable', 'writable')),
    (io.BufferedRWPair, ('read', 'peek', 'write', 'flush', 'close', 'readable', 'writable')),
    (io.TextIOWrapper, ('read', 'write', 'flush', 'close', 'readable', 'writable', 'detach')),
]
for tp, names in CASES:
    obj = tp.__new__(tp)
    for name in names:
        meth = getattr(obj, name)
        if name == 'write':
            arg = ('',) if tp is io.TextIOWrapper else (b'',)
        elif name in ('read', 'peek'):
            arg = (0,)
        else:
            arg = ()
        try:
            meth(*arg)
            print(tp.__name__, name, 'no error')
        except (ValueError, AttributeError) as e:
            print(tp.__name__, name, type(e).__name__, e)
    del obj

print(repr(io.BufferedReader.__new__(io.BufferedReader)))
pair = io.BufferedRWPair.__new__(io.BufferedRWPair)
pair.__init__(io.BytesIO(b'abc'), io.BytesIO())
print(pair.read(0), pair.write(b''), pair.read(2))
r = io.BufferedReader.__new__(io.BufferedReader)
r.__init__(io.BytesIO(b'xyz'))
print(r.read(0), r.read())
