# str.encode / bytes.decode with CPython's codecs, error handlers and messages
import codecs

s = 'aé€😀'
for enc in ['utf-8', 'latin-1', 'ascii', 'utf-16', 'utf-16-le', 'utf-16-be', 'utf-32', 'utf-32-le', 'utf-32-be', 'cp1252', 'iso8859-15']:
    for errors in ['strict', 'ignore', 'replace', 'xmlcharrefreplace', 'backslashreplace']:
        try:
            b = s.encode(enc, errors)
            print(enc, errors, b, b.decode(enc, errors))
        except UnicodeEncodeError as e:
            print(enc, errors, 'UnicodeEncodeError:', e, e.start, e.end)

print('naïve'.encode('latin-1', 'namereplace'))
bad = [b'\xff', b'a\xe2\x82', b'\xed\xa0\x80', b'\xc0\x80x', b'\xf0\x90\x80', b'\xe2\x28\xa1', b'ok\x80\x81ok']
for b in bad:
    for errors in ['strict', 'ignore', 'replace', 'backslashreplace', 'surrogateescape']:
        try:
            t = b.decode('utf-8', errors)
            print(b, errors, ascii(t))
        except UnicodeDecodeError as e:
            print(b, errors, 'UnicodeDecodeError:', e, e.args)
for enc, b in [('utf-16', b'\x00\xdc'), ('utf-16', b'a'), ('utf-16-be', b'\xd8\x00\x00a'), ('utf-32', b'\x00\x00\x11\x00'), ('utf-32-le', b'\x00\xd8\x00\x00'), ('utf-32', b'ab'), ('ascii', b'ab\xfe'), ('cp1252', b'\x81')]:
    try:
        print(b.decode(enc))
    except UnicodeDecodeError as e:
        print(enc, 'UnicodeDecodeError:', e)

# surrogates round-trip through surrogateescape and surrogatepass
raw = b'caf\xe9 \xff'
t = raw.decode('utf-8', 'surrogateescape')
print(ascii(t), t.encode('utf-8', 'surrogateescape') == raw)
for enc in ['utf-8', 'utf-16-le', 'utf-16-be', 'utf-32-le']:
    b = '\ud800x\udfff'.encode(enc, 'surrogatepass')
    print(enc, b, ascii(b.decode(enc, 'surrogatepass')))
try:
    '\udc80'.encode()
except UnicodeEncodeError as e:
    print(e)
try:
    'ab\udc80\udc81'.encode('ascii', 'surrogateescape'.replace('escape', 'pass'))
except UnicodeEncodeError as e:
    print(e)

# the other constructors
print(str(b'caf\xc3\xa9', 'utf-8'), str(b'caf\xe9', encoding='latin-1'), str(b'\xff', 'utf-8', 'replace'), str(b'abc', errors='strict'))
print(bytes('é', 'utf-16-le'), bytearray('€', 'cp1252'), bytearray(b'caf\xc3\xa9').decode(), bytes('x', encoding='ascii', errors='strict'))
print(memoryview(b'abc').tobytes().decode('ascii'))
for thunk in [lambda: bytes('x'), lambda: bytes(b'x', 'ascii'), lambda: str('x', 'utf-8'), lambda: str(5, 'utf-8'), lambda: 'x'.encode(5), lambda: b'x'.decode(errors=5), lambda: 'x'.encode('no-such-codec'), lambda: 'é'.encode('ascii', 'no-such-handler'), lambda: 'x'.encode('rot13'), lambda: b'x'.decode('hex')]:
    try:
        print(thunk())
    except (TypeError, LookupError) as e:
        print(type(e).__name__, e)

# handlers registered from Python get the exception and resume where they say
def report(e):
    print('handler', type(e).__name__, e.encoding, ascii(e.object), e.start, e.end, e.reason)
    if isinstance(e, UnicodeEncodeError):
        return ('[%s]' % ','.join(hex(ord(c)) for c in e.object[e.start:e.end]), e.end)
    return ('<%d>' % e.object[e.start], e.start + 1)
codecs.register_error('report', report)
print('aéb€😀c'.encode('ascii', 'report'))
print(b'a\xffb\xc3'.decode('utf-8', 'report'))
print('x€y'.encode('latin-1', 'report'))
codecs.register_error('skip2', lambda e: ('', e.end + 1))
print('aé12'.encode('ascii', 'skip2'))
codecs.register_error('bytesrep', lambda e: (b'#' * (e.end - e.start), e.end))
print('a€€b'.encode('latin-1', 'bytesrep'))
codecs.register_error('badret', lambda e: 42)
try:
    'é'.encode('ascii', 'badret')
except TypeError as e:
    print(e)
codecs.register_error('backwards', lambda e: ('?', -1))
print('ab€c'.encode('ascii', 'backwards'))

# exception objects built by hand
e = UnicodeEncodeError('ascii', 'ab\xe9', 2, 3, 'bad')
print(str(e), e.args, e.object, e.start, e.end, e.reason, e.encoding)
e = UnicodeDecodeError('utf-8', b'\xff\xfe', 0, 2, 'nope')
print(str(e), repr(e.object))
e = UnicodeTranslateError('\u1234x', 0, 1, 'untranslatable')
print(str(e))
try:
    UnicodeEncodeError('a')
except TypeError as x:
    print(x)
print(codecs.lookup_error('replace')(UnicodeEncodeError('ascii', 'ab\xe9', 2, 3, 'bad')))
print(codecs.lookup_error('backslashreplace')(UnicodeDecodeError('ascii', b'a\xff', 1, 2, 'bad')))
print(codecs.lookup_error('xmlcharrefreplace')(UnicodeEncodeError('ascii', 'a\u20ac', 1, 2, 'bad')))
print(codecs.lookup_error('ignore'), codecs.lookup_error('strict') is codecs.strict_errors)
