# _io objects with native state cannot be pickled (CPython's "cannot pickle" TypeError, for every
# protocol); io.text_encoding(None) follows sys.flags.utf8_mode (PEP 597, PEP 540).
import io, os, pickle, sys, tempfile

d = tempfile.mkdtemp()
fn = os.path.join(d, 'p.dat')
for kwargs in [{"mode": "w"}, {"mode": "wb"}, {"mode": "wb", "buffering": 0}, {"mode": "r"}, {"mode": "w+b"}]:
    if "b" not in kwargs["mode"]:
        kwargs["encoding"] = "utf-8"
    for protocol in range(pickle.HIGHEST_PROTOCOL + 1):
        with open(fn, **kwargs) as f:
            try:
                pickle.dumps(f, protocol)
            except TypeError as e:
                print(kwargs["mode"], protocol, e)
rw = io.BufferedRWPair(io.BytesIO(), io.BytesIO())
try:
    pickle.dumps(rw, 2)
except TypeError as e:
    print(e)
class MyFile(io.FileIO):
    def __getstate__(self):
        return {'name': self.name}
    def __reduce__(self):
        return (str, ('reduced',))
print(pickle.loads(pickle.dumps(MyFile(fn, 'rb'))))
os.unlink(fn)
os.rmdir(d)

print(io.text_encoding('latin-1'), io.text_encoding(None) == ('utf-8' if sys.flags.utf8_mode else 'locale'))
