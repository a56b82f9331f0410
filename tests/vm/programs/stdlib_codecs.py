# the codecs module and the encodings package over pyvm's _codecs
# byteorder: little (utf-16/utf-32 without an explicit order are native-order in CPython)
import codecs
import encodings
import encodings.aliases
import io

for name in ['UTF-8', 'utf8', 'Latin-1', 'ascii', 'utf_16', 'UTF-32-BE', 'cp1252', 'koi8_r', 'mac_roman', 'iso8859_7', 'cp437', 'utf-8-sig', 'hex', 'rot13', 'unicode_escape', 'raw_unicode_escape', 'charmap']:
    info = codecs.lookup(name)
    print(name, '->', info.name, type(info).__name__, info._is_text_encoding)
try:
    codecs.lookup('no-such-encoding')
except LookupError as e:
    print('LookupError', e)

text = 'Grüße, Привет, Καλημέρα €'
for enc in ['utf-8', 'utf-16', 'utf-32', 'utf-8-sig', 'cp1251', 'cp1253', 'koi8_r', 'iso8859_5', 'cp1252', 'mac_roman', 'cp850']:
    try:
        b = codecs.encode(text, enc)
        print(enc, len(b), b[:12], codecs.decode(b, enc) == text)
    except UnicodeEncodeError as e:
        print(enc, 'UnicodeEncodeError:', e)
        b = text.encode(enc, 'replace')
        print(enc, 'replace', b.decode(enc))

# the per-codec functions
print(codecs.utf_8_encode('hé'), codecs.utf_8_decode(b'h\xc3\xa9'))
print(codecs.utf_8_decode(b'a\xe2\x82', 'strict', False), codecs.utf_8_decode(b'a\xe2\x82', 'replace', True))
print(codecs.utf_16_encode('hi'), codecs.utf_16_encode('hi', 'strict', 1), codecs.utf_16_le_encode('hi'), codecs.utf_16_be_decode(b'\x00h\x00'))
print(codecs.utf_16_decode(b'\xff\xfeh\x00i', 'strict', False), codecs.utf_16_ex_decode(b'\xfe\xff\x00h', 'strict', 0, True))
print(codecs.utf_32_encode('x'), codecs.utf_32_decode(b'\xff\xfe\x00\x00x\x00\x00\x00'), codecs.utf_32_ex_decode(b'\x00\x00\xfe\xff\x00\x00\x00x', 'strict', 0, True))
print(codecs.latin_1_encode('é'), codecs.latin_1_decode(b'\xe9'), codecs.ascii_encode('abc'), codecs.ascii_decode(b'abc'))
print(codecs.unicode_escape_encode('a\n\t\\é\u1234\U0001f600"\''), codecs.unicode_escape_decode(b'a\\n\\x41\\u1234\\101\\\'\\\\q'))
print(codecs.raw_unicode_escape_encode('a\\é\u1234'), codecs.raw_unicode_escape_decode(b'\\u0041\\\\u0041\\x'))
print(codecs.escape_decode(b'\\x41\\n\\101\\\\q'), codecs.escape_encode(b"a'\n\xff\\"))
for bad in [b'\\x4', b'\\u12', b'\\U00110000', b'\\']:
    try:
        codecs.unicode_escape_decode(bad)
    except UnicodeDecodeError as e:
        print('UnicodeDecodeError:', e)
print(codecs.unicode_escape_decode(b'ab\\x4', 'replace'), codecs.unicode_escape_decode(b'ab\\', 'strict', False))
try:
    codecs.escape_decode(b'\\x4')
except ValueError as e:
    print('ValueError:', e)
table = codecs.charmap_build('abc\ufffed?')
print(sorted(table.items()))
print(codecs.charmap_decode(b'\x00\x01\x03\x02', 'replace', 'abc\ufffed'), codecs.charmap_decode(b'\x00\x01', 'strict', {0: 'x', 1: 0x263a}))
print(codecs.charmap_encode('abdz', 'replace', table), codecs.charmap_encode('ab', 'strict', {97: b'AA', 98: 66}))
try:
    codecs.charmap_decode(b'\x02', 'strict', {0: 'x'})
except UnicodeDecodeError as e:
    print('UnicodeDecodeError:', e)
try:
    codecs.charmap_encode('q', 'strict', table)
except UnicodeEncodeError as e:
    print('UnicodeEncodeError:', e)
print(codecs.readbuffer_encode(b'xy'), codecs.readbuffer_encode('xy'))

# incremental codecs: a multibyte character split across chunks
dec = codecs.getincrementaldecoder('utf-8')()
data = 'aé€😀'.encode()
print([dec.decode(data[i:i + 1]) for i in range(len(data))], repr(dec.decode(b'', True)))
dec = codecs.getincrementaldecoder('utf-16')()
data = 'hi€'.encode('utf-16')
print([dec.decode(data[i:i + 1]) for i in range(len(data))])
enc = codecs.getincrementalencoder('utf-16')()
print(enc.encode('a'), enc.encode('b'), enc.encode('', True))
enc = codecs.getincrementalencoder('utf-8-sig')()
print(enc.encode('a'), enc.encode('b'))
print(list(codecs.iterencode(['a', 'é'], 'utf-8')), list(codecs.iterdecode([b'\xc3', b'\xa9x'], 'utf-8')))
try:
    codecs.getincrementaldecoder('utf-8')().decode(b'\xc3', True)
except UnicodeDecodeError as e:
    print('UnicodeDecodeError:', e)

# stream readers and writers
buf = io.BytesIO()
w = codecs.getwriter('utf-16-le')(buf)
w.write('héllo\n')
w.writelines(['a', 'b\n'])
print(buf.getvalue())
r = codecs.getreader('utf-16-le')(io.BytesIO(buf.getvalue()))
print(r.readline(), r.read())
sr = codecs.StreamRecoder(io.BytesIO('é'.encode('latin-1')), codecs.getencoder('utf-8'), codecs.getdecoder('utf-8'), codecs.getreader('latin-1'), codecs.getwriter('latin-1'))
print(sr.read())
rw = codecs.StreamReaderWriter(io.BytesIO(b'\xe2\x82\xac!'), codecs.getreader('utf-8'), codecs.getwriter('utf-8'))
print(rw.read())

# non-text codecs
print(codecs.encode(b'hi', 'hex'), codecs.decode(b'6869', 'hex'), codecs.encode('hello', 'rot13'))
print(codecs.decode(codecs.encode(b'abc' * 5, 'zlib'), 'zlib') if False else 'zlib skipped')
# a search function registered from Python
def search(name):
    if name == 'shout':
        return codecs.CodecInfo(lambda s, errors='strict': (s.upper().encode(), len(s)), lambda b, errors='strict': (bytes(b).decode().lower(), len(b)), name='shout')
    return None
codecs.register(search)
print('hello'.encode('shout'), b'HELLO'.decode('shout'), codecs.lookup('shout').name)
codecs.unregister(search)
codecs._forget_codec('shout') if hasattr(codecs, '_forget_codec') else None
try:
    codecs.lookup('shout')
except LookupError as e:
    print('LookupError', e)
print(encodings.normalize_encoding('Latin 1'), encodings.aliases.aliases['latin1'], codecs.BOM_UTF8, codecs.BOM_UTF16_LE)
