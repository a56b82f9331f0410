# _io objects close themselves when collected (_IOBase.__del__, CPython's iobase_finalize):
# close() and flush() overrides run, buffered data reaches the file, an unclosed file warns
# ResourceWarning naming the outermost object, close errors chain the flush error.
import io, gc, warnings, os, tempfile

fn = os.path.join(tempfile.mkdtemp(), 'finalize.dat')
record = []
class MyFileIO(io.FileIO):
    def __del__(self):
        record.append(1)
        super().__del__()
    def close(self):
        record.append(2)
        super().close()
    def flush(self):
        record.append(3)
        super().flush()
f = MyFileIO(fn, "wb")
f.write(b"xxx")
del f
gc.collect()
print(record)
with open(fn, 'rb') as f:
    print(f.read())

for base in (io.IOBase, io.RawIOBase, io.BufferedIOBase, io.TextIOBase):
    rec = []
    class MyIO(base):
        def __init__(self):
            self.on_del, self.on_close, self.on_flush = 1, 2, 3
        def __del__(self):
            rec.append(self.on_del)
            super().__del__()
        def close(self):
            rec.append(self.on_close)
            super().close()
        def flush(self):
            rec.append(self.on_flush)
            super().flush()
    x = MyIO()
    del x
    gc.collect()
    print(base.__name__, rec)

# a buffered writer over a FileIO: its data is flushed before the raw stream is closed
b = io.BufferedWriter(io.FileIO(fn, 'wb'))
b.write(b'buffered')
del b
gc.collect()
with open(fn, 'rb') as f:
    print(f.read())
rec = []
class MyBuffered(io.BufferedWriter):
    def close(self):
        rec.append('close')
        super().close()
    def flush(self):
        rec.append('flush')
        super().flush()
b = MyBuffered(io.FileIO(fn, 'wb'))
b.write(b'sub')
b = None
gc.collect()
print(rec)
t = open(fn, 'w', encoding='utf-8')
t.write('text data')
del t
gc.collect()
with open(fn, 'rb') as f:
    print(f.read())

def leak(*args, **kwargs):
    # made and dropped in a frame of its own, so that nothing the caller runs still holds it
    f = open(*args, **kwargs)
    return repr(f)

with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter('always')
    for mode, buffering in [('wb', 0), ('wb', -1), ('w', -1)]:
        r = leak(fn, mode, buffering=buffering, **({} if 'b' in mode else {'encoding': 'utf-8'}))
        gc.collect()
        print(len(w), r in str(w[-1].message), w[-1].category.__name__, str(w[-1].message)[:13])
    fd = os.open(fn, os.O_RDONLY)
    leak(fd, 'rb', closefd=False)
    gc.collect()
    print('closefd=False warned:', len(w) > 3)
    os.close(fd)

# close errors: the raw stream is closed even when flush fails, its error chains flush's
class Raw(io.RawIOBase):
    def readable(self):
        return True
    def close(self):
        raise OSError('close')
b = io.BufferedReader(Raw())
def bad_flush():
    raise OSError('flush')
b.flush = bad_flush
try:
    b.close()
except OSError as e:
    print(e.args, type(e.__context__).__name__, e.__context__.args, b.closed)
b.flush = lambda: None
Raw.close = lambda self: None

f = open(fn, 'wb', buffering=0)
closed = []
def flush_then_fail():
    closed[:] = [f.closed]
    raise OSError('bad flush')
f.flush = flush_then_fail
try:
    f.close()
except OSError as e:
    print('flush error:', e, f.closed, closed)

class R(io.RawIOBase):
    def __init__(self, name):
        self.name = name
    def readable(self):
        return True
    def writable(self):
        return True
    def close(self):
        raise NameError(self.name)
pair = io.BufferedRWPair(R('reader'), R('writer'))
try:
    pair.close()
except NameError as e:
    print(e, type(e.__context__).__name__, e.__context__)
R.close = lambda self: None

# detach() hands the raw stream back: it is finalized on its own
raw = io.BufferedWriter(io.FileIO(fn, 'wb')).detach()
gc.collect()
print(raw.closed)
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter('always')
    raw = None
    gc.collect()
    print([str(x.message)[:13] for x in w])
os.unlink(fn)
os.rmdir(os.path.dirname(fn))
