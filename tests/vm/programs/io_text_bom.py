# A TextIOWrapper writes a byte order mark only at the start of a stream: not when appending,
# not after seeking elsewhere (again after seeking to 0), not after reconfigure() mid-stream;
# reconfigure() refuses encoding/errors/newline changes while decoded text is unread.
# byteorder: little (utf-16/utf-32 write the host's byte order mark)
import io, os, tempfile

d = tempfile.mkdtemp()
fn = os.path.join(d, 'bom.txt')
for charset in ('utf-8-sig', 'utf-16', 'utf-32'):
    with open(fn, 'w', encoding=charset) as f:
        f.write('aaa')
        pos = f.tell()
    with open(fn, 'a', encoding=charset) as f:
        f.write('xxx')
    with open(fn, 'rb') as f:
        print(charset, f.read() == 'aaaxxx'.encode(charset))
    with open(fn, 'r+', encoding=charset) as f:
        f.seek(pos)
        f.write('zzz')
        f.seek(0)
        f.write('bbb')
    with open(fn, 'rb') as f:
        print(charset, f.read())
    with open(fn, 'w', encoding=charset) as f:
        f.write('aaa')
    with open(fn, 'a', encoding=charset) as f:
        f.seek(0)
        f.seek(0, 2)
        f.write('xxx')
    with open(fn, 'r', encoding=charset) as f:
        print(charset, repr(f.read()))
os.unlink(fn)
os.rmdir(d)

raw = io.BytesIO()
txt = io.TextIOWrapper(raw, encoding='latin1', newline='\n')
txt.write('abc\n')
txt.reconfigure(encoding='utf-8-sig')
txt.write('d\xe9f\n')
txt.flush()
print(raw.getvalue())
raw = io.BytesIO()
txt = io.TextIOWrapper(raw, encoding='ascii', newline='\n')
txt.reconfigure(encoding='utf-16')
txt.write('hi')
txt.flush()
print(raw.getvalue())

data = 'abc\xe9\n'.encode('latin1') + 'd\xe9f\n'.encode('utf8')
txt = io.TextIOWrapper(io.BytesIO(data), encoding='latin1', newline='\n')
print(repr(txt.readline()))
for kw in ({'encoding': 'utf-8'}, {'newline': None}, {'errors': 'replace'}):
    try:
        txt.reconfigure(**kw)
    except io.UnsupportedOperation as e:
        print(kw, e)
txt.reconfigure(line_buffering=True)
print(txt.line_buffering, repr(txt.read()))
